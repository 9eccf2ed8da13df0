using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dstack.UrlGen.Generator.Generation.Configurations;

/// <summary>
/// Reads one dstack configuration file with YamlDotNet (the whole of YAML: comments, quoted and block strings,
/// anchors and aliases, flow mappings, merge keys) into a value-equal <see cref="ConfigurationParse"/>. It depends on
/// the file's path and text only, so the generator caches it per file; the analyzer calls it too, so both agree.
/// Only <c>type: service</c> with a <c>model</c> yields a service: tasks, dev environments, fleets, gateways and
/// volumes are ignored. Never throws (only on cancellation).
/// </summary>
internal static class ConfigurationParser
{
    // YamlDotNet starts its messages with the location, which the diagnostic already has.
    private static readonly Regex LocationPrefix = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);

    public static ConfigurationParse Parse(string path, SourceText text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        YamlNode? root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text.ToString()));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException e)
        {
            return Problem(ConfigurationProblemKind.InvalidYaml, LocationPrefix.Replace(e.Message, string.Empty), e.Start, e.End);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // YamlDotNet 18 throws InvalidOperationException, with no position, for some malformed flow collections
            // (an unclosed '[' before the next key). Never let that take the build down: report it where the
            // parser last succeeded.
            (Mark start, Mark end) = LastParsedEvent(text.ToString());
            return Problem(ConfigurationProblemKind.InvalidYaml, "it cannot be parsed after this point; look for an unclosed '[', '{' or quote", start, end);
        }

        if (root is not YamlMappingNode configuration || !IsScalar(Value(configuration, "type"), "service"))
        {
            return new ConfigurationParse(null, EquatableArray<ConfigurationProblem>.Empty);
        }

        var problems = new List<ConfigurationProblem>();
        string? runName = null;
        YamlNode? nameNode = Value(configuration, "name");
        if (!IsNull(nameNode))
        {
            if (nameNode is YamlScalarNode { Value: { } name } && DstackNames.IsValidRun(name))
            {
                runName = name;
            }
            else
            {
                problems.Add(At(ConfigurationProblemKind.InvalidRunName, (nameNode as YamlScalarNode)?.Value ?? "(not a string)", nameNode!));
            }
        }

        string? modelName = ModelName(Value(configuration, "model"), problems);
        if (problems.Count > 0)
        {
            return new ConfigurationParse(null, problems.ToEquatableArray());
        }

        return modelName is null
            ? new ConfigurationParse(null, EquatableArray<ConfigurationProblem>.Empty)
            : new ConfigurationParse(
                new ServiceConfiguration(path, ConfigurationFiles.DisplayName(path), runName, runName ?? ConfigurationFiles.BaseName(path), modelName),
                EquatableArray<ConfigurationProblem>.Empty);
    }

    /// <summary>
    /// The model's name from the string form (<c>model: Qwen/Qwen3.6-27B</c>) or the mapping form
    /// (<c>{type: chat, name: ..., format: openai|tgi, prefix: /v1}</c>), as dstack's <c>ServiceConfiguration</c>
    /// accepts them; null when there is no model; a problem when it is malformed.
    /// </summary>
    private static string? ModelName(YamlNode? model, List<ConfigurationProblem> problems)
    {
        switch (model)
        {
            case null:
                return null;
            case YamlScalarNode scalar when IsNull(scalar):
                return null;
            case YamlScalarNode { Value: var name } scalar:
                if (!DstackNames.IsValidModelName(name))
                {
                    problems.Add(At(ConfigurationProblemKind.InvalidModel, "the model name is empty", scalar));
                    return null;
                }

                return name;
            case YamlMappingNode mapping:
                return MappedModelName(mapping, problems);
            default:
                problems.Add(At(ConfigurationProblemKind.InvalidModel, "it is a list; give a model name or a mapping with 'name' and 'format'", model));
                return null;
        }
    }

    private static string? MappedModelName(YamlMappingNode mapping, List<ConfigurationProblem> problems)
    {
        YamlNode? type = Value(mapping, "type");
        if (type is not null && !IsScalar(type, "chat"))
        {
            problems.Add(At(ConfigurationProblemKind.InvalidModel, "its 'type' must be 'chat'", type));
        }

        YamlNode? format = Value(mapping, "format");
        if (format is null)
        {
            problems.Add(At(ConfigurationProblemKind.InvalidModel, "it has no 'format'; add 'format: openai' (or 'format: tgi')", mapping));
        }
        else if (!IsScalar(format, "openai") && !IsScalar(format, "tgi"))
        {
            problems.Add(At(ConfigurationProblemKind.InvalidModel, "its 'format' must be 'openai' or 'tgi'", format));
        }

        YamlNode? prefix = Value(mapping, "prefix");
        if (prefix is not null && prefix is not YamlScalarNode)
        {
            problems.Add(At(ConfigurationProblemKind.InvalidModel, "its 'prefix' must be a path such as '/v1'", prefix));
        }

        YamlNode? name = Value(mapping, "name");
        if (name is not YamlScalarNode { Value: var modelName } || IsNull(name) || !DstackNames.IsValidModelName(modelName))
        {
            problems.Add(At(ConfigurationProblemKind.InvalidModel, "it has no 'name'; add the model's name, such as 'name: Qwen/Qwen3.6-27B'", name ?? mapping));
            return null;
        }

        return modelName;
    }

    /// <summary>The value of <paramref name="key"/> in <paramref name="mapping"/>, or in a mapping merged into it with <c>&lt;&lt;</c>.</summary>
    private static YamlNode? Value(YamlMappingNode mapping, string key)
    {
        YamlNode? merged = null;
        foreach (KeyValuePair<YamlNode, YamlNode> entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode { Value: var k })
            {
                if (k == key)
                {
                    return entry.Value;
                }

                if (k == "<<")
                {
                    merged = entry.Value;
                }
            }
        }

        return merged switch
        {
            YamlMappingNode one => Value(one, key),
            YamlSequenceNode many => many.Children.OfType<YamlMappingNode>().Select(m => Value(m, key)).FirstOrDefault(v => v is not null),
            _ => null,
        };
    }

    private static (Mark Start, Mark End) LastParsedEvent(string text)
    {
        Mark start = Mark.Empty, end = Mark.Empty;
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                (start, end) = (parser.Current!.Start, parser.Current.End);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Expected: this file is known to fail; the marks so far are the answer.
        }

        return (start, end);
    }

    private static bool IsScalar(YamlNode? node, string value)
        => node is YamlScalarNode { Value: var v } && string.Equals(v, value, StringComparison.Ordinal);

    /// <summary>A YAML null: absent, empty, <c>~</c> or <c>null</c> written plain (quoted <c>"null"</c> is a string).</summary>
    private static bool IsNull(YamlNode? node)
        => node is null
            || (node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: var v }
                && (string.IsNullOrEmpty(v) || v is "~" or "null" or "Null" or "NULL"));

    private static ConfigurationProblem At(ConfigurationProblemKind kind, string detail, YamlNode node) => Create(kind, detail, node.Start, node.End);

    private static ConfigurationParse Problem(ConfigurationProblemKind kind, string detail, Mark start, Mark end)
        => new(null, new[] { Create(kind, detail, start, end) }.ToEquatableArray());

    private static ConfigurationProblem Create(ConfigurationProblemKind kind, string detail, Mark start, Mark end)
    {
        // YamlDotNet's lines and columns start at 1 (Mark.Empty is 0/0); Roslyn's at 0.
        int startLine = Math.Max(0, (int)start.Line - 1), startColumn = Math.Max(0, (int)start.Column - 1);
        int endLine = Math.Max(startLine, (int)end.Line - 1), endColumn = Math.Max(0, (int)end.Column - 1);
        int startIndex = Math.Max(0, (int)start.Index), endIndex = Math.Max(startIndex, (int)end.Index);
        if (endLine == startLine && endColumn < startColumn)
        {
            endColumn = startColumn;
        }

        return new ConfigurationProblem(kind, detail, startIndex, endIndex, startLine, startColumn, endLine, endColumn);
    }
}
