namespace Dstack.UrlGen.Generator.Generation;

/// <summary>Everything the emitter needs to write the accessors of one valid <c>[DstackModel]</c> declaration.</summary>
/// <param name="Namespace">The declared type's namespace as C# writes it (keywords <c>@</c>-escaped); "" for the global namespace.</param>
/// <param name="ContainingTypes">The types that contain the declared type, outermost first; empty for a top-level type.</param>
/// <param name="Type">The declared type.</param>
/// <param name="FullName">The declared type's fully qualified name without <c>global::</c>, such as <c>Contoso.Models.Qwen</c>.</param>
/// <param name="ModelName">The model's name (<c>service.model.name</c>).</param>
/// <param name="Project">The declared project, or null for the client's project.</param>
/// <param name="Run">The declared run name, or null to find the model by name.</param>
/// <param name="BaseUrl">The declared compile-time <c>base_url</c>, or null to ask the server.</param>
/// <param name="BaseUrlKind">Whether <paramref name="BaseUrl"/> is a gateway URL or a server path; meaningless without a BaseUrl.</param>
/// <param name="ConfigurationFile">For a model from a dstack configuration, the file's display name; null for a <c>[DstackModel]</c> declaration.</param>
internal sealed record DstackModelSpec(
    string Namespace,
    EquatableArray<TypeDeclarationSpec> ContainingTypes,
    TypeDeclarationSpec Type,
    string FullName,
    string ModelName,
    string? Project,
    string? Run,
    string? BaseUrl,
    DstackUrlKind BaseUrlKind,
    string? ConfigurationFile = null)
{
    /// <summary>The generated file's hint name, unique per declared type.</summary>
    public string HintName => FullName + ".DstackModel.g.cs";

    /// <summary>
    /// True when <paramref name="other"/> names the same model on the same project and run, which DSTK0106
    /// reports as a duplicate; names compare ordinally, as the dstack server does.
    /// </summary>
    public bool DeclaresSameModelAs(DstackModelSpec other)
        => string.Equals(ModelName, other.ModelName, StringComparison.Ordinal)
            && string.Equals(Project, other.Project, StringComparison.Ordinal)
            && string.Equals(Run, other.Run, StringComparison.Ordinal);
}
