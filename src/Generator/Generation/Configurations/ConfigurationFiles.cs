namespace Dstack.UrlGen.Generator.Generation.Configurations;

/// <summary>Which additional files are dstack configurations, and how a file is named in messages and generated code.</summary>
internal static class ConfigurationFiles
{
    private const string Suffix = ".dstack.yml";

    /// <summary>
    /// True for <c>*.dstack.yml</c> and <c>.dstack.yml</c>, the names dstack's docs use (<c>dstack apply</c> reads
    /// <c>.dstack.yml</c> when no <c>-f</c> is given). Compared without case, as Windows and macOS file systems do.
    /// </summary>
    public static bool IsConfiguration(string path)
        => FileName(path).EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's name; for a bare <c>.dstack.yml</c>, its folder's name too (<c>deploy/.dstack.yml</c>).</summary>
    public static string DisplayName(string path)
    {
        string name = FileName(path);
        if (name.Length > Suffix.Length)
        {
            return name;
        }

        string folder = FolderName(path);
        return folder.Length == 0 ? name : folder + "/" + name;
    }

    /// <summary>
    /// What the generated class is named after when the configuration has no <c>name:</c>: the file name without
    /// <c>.dstack.yml</c>, or the folder's name for a bare <c>.dstack.yml</c>.
    /// </summary>
    public static string BaseName(string path)
    {
        string name = FileName(path);
        return name.Length > Suffix.Length ? name.Substring(0, name.Length - Suffix.Length) : FolderName(path);
    }

    private static string FileName(string path)
    {
        int slash = path.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? path : path.Substring(slash + 1);
    }

    private static string FolderName(string path)
    {
        int slash = path.LastIndexOfAny(['/', '\\']);
        return slash <= 0 ? string.Empty : FileName(path.Substring(0, slash));
    }
}
