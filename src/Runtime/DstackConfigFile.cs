using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dstack.UrlGen;

/// <summary>
/// The dstack CLI's <c>~/.dstack/config.yml</c>: a <c>projects:</c> list of <c>name</c>, <c>url</c>, <c>token</c>
/// and <c>default</c>. Read with YamlDotNet's representation model (no serializer, no reflection); other keys
/// (<c>repos:</c>, …) are ignored.
/// </summary>
internal sealed class DstackConfigFile
{
    private DstackConfigFile(string path, IReadOnlyList<Entry> projects)
    {
        Path = path;
        Projects = projects;
    }

    public string Path { get; }

    public IReadOnlyList<Entry> Projects { get; }

    public static DstackConfigFile Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DstackConfigurationException($"The dstack configuration file {path} cannot be read ({ex.Message}). Check its permissions.", ex);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new DstackConfigurationException(
                $"The dstack configuration file {path} is not valid YAML at line {ex.Start.Line}, column {ex.Start.Column} ({FirstLine(ex.Message)}). "
                + "Fix it, or recreate it with `dstack project add --name <project> --url <server> --token <token>`.",
                ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Invalid(path, "does not hold a mapping with a `projects:` list");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("projects"), out var projectsNode) || projectsNode is not YamlSequenceNode sequence)
        {
            throw Invalid(path, "has no `projects:` list");
        }

        var projects = new List<Entry>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                throw Invalid(path, $"has an item of `projects:` at line {item.Start.Line} that is not a mapping of name, url, token and default");
            }

            projects.Add(new Entry(
                Scalar(mapping, "name"),
                Scalar(mapping, "url"),
                Scalar(mapping, "token"),
                IsTrue(Scalar(mapping, "default")),
                (int)mapping.Start.Line));
        }

        return new DstackConfigFile(path, projects);
    }

    public static DstackConfigurationException Invalid(string path, string problem)
        => new($"The dstack configuration file {path} {problem}. Fix it, or recreate it with `dstack project add --name <project> --url <server> --token <token>`.");

    public string Names() => Projects.Count == 0 ? "none" : string.Join(", ", Projects.Select(p => $"'{p.Name}'"));

    private static string? Scalar(YamlMappingNode mapping, string key)
        => mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>YAML 1.1 booleans, as the dstack CLI's PyYAML reads them.</summary>
    private static bool IsTrue(string? value)
        => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase)
            || value.Equals("yes", StringComparison.OrdinalIgnoreCase)
            || value.Equals("on", StringComparison.OrdinalIgnoreCase));

    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? message : message.Substring(0, end);
    }

    /// <summary>One item of <c>projects:</c>, as written (missing keys are null).</summary>
    internal sealed class Entry
    {
        public Entry(string? name, string? url, string? token, bool isDefault, int line)
        {
            Name = name;
            Url = url;
            Token = token;
            IsDefault = isDefault;
            Line = line;
        }

        public string? Name { get; }

        public string? Url { get; }

        public string? Token { get; }

        public bool IsDefault { get; }

        public int Line { get; }

        public override string ToString() => $"project '{Name}' at line {Line}";
    }
}
