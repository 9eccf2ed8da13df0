namespace Dstack.UrlGen.Generator.Generation.Configurations;

/// <summary>What is wrong with a dstack configuration file; the analyzer reports it, the generator skips the file.</summary>
internal enum ConfigurationProblemKind
{
    /// <summary>The file is not valid YAML.</summary>
    InvalidYaml,

    /// <summary>A service's <c>name:</c> is not a valid dstack run name.</summary>
    InvalidRunName,

    /// <summary>A service's <c>model:</c> is neither a model name nor a valid model mapping.</summary>
    InvalidModel,
}

/// <summary>One problem, with where it is in the file (zero-based lines and columns, character offsets), as values.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Detail">The message's detail: the parser's message, the bad name, or what the model lacks.</param>
/// <param name="Start">The offset of the problem's first character.</param>
/// <param name="End">The offset after its last character.</param>
/// <param name="StartLine">Its first line.</param>
/// <param name="StartColumn">Its first column.</param>
/// <param name="EndLine">Its last line.</param>
/// <param name="EndColumn">The column after its end.</param>
internal sealed record ConfigurationProblem(
    ConfigurationProblemKind Kind, string Detail, int Start, int End, int StartLine, int StartColumn, int EndLine, int EndColumn);

/// <summary>What <see cref="ConfigurationParser"/> read from one file.</summary>
/// <param name="Service">The service with a model to generate, or null (another type, no model, or a problem).</param>
/// <param name="Problems">The file's problems; empty when it is valid.</param>
internal sealed record ConfigurationParse(ServiceConfiguration? Service, EquatableArray<ConfigurationProblem> Problems);
