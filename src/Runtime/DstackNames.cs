namespace Dstack.UrlGen;

/// <summary>
/// The dstack server's own name rules, checked before a name goes into a URL path or a request, so that a bad
/// name fails here with its rule rather than as a confusing 404 (or a path that escapes the API route).
/// Hand-written loops instead of <c>Regex</c>: no allocation on the cached-endpoint path.
/// </summary>
internal static class DstackNames
{
    public const string ProjectRule = "^[a-zA-Z0-9-_]{1,50}$";
    public const string RunRule = "^[a-z][a-z0-9-]{1,40}$";

    public static bool IsValidProject(string? project)
    {
        if (project is null || project.Length is 0 or > 50)
        {
            return false;
        }

        foreach (char c in project)
        {
            if (!(IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidRun(string? run)
    {
        if (run is null || run.Length is < 2 or > 41 || run[0] is < 'a' or > 'z')
        {
            return false;
        }

        for (int i = 1; i < run.Length; i++)
        {
            char c = run[i];
            if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsValidModelName(string? modelName) => !string.IsNullOrWhiteSpace(modelName);

    public static void ValidateProject(string? project, string paramName)
    {
        if (project is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!IsValidProject(project))
        {
            throw new ArgumentException(ProjectMessage(project), paramName);
        }
    }

    public static void ValidateRun(string? run, string paramName)
    {
        if (run is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!IsValidRun(run))
        {
            throw new ArgumentException(RunMessage(run), paramName);
        }
    }

    public static void ValidateModelName(string? modelName, string paramName)
    {
        if (modelName is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (!IsValidModelName(modelName))
        {
            throw new ArgumentException(ModelNameMessage(modelName), paramName);
        }
    }

    public static string ProjectMessage(string project)
        => $"The dstack project name {Quote(project)} is invalid: a project name is 1 to 50 letters, digits, '-' or '_' ({ProjectRule}). "
            + "Use the name `dstack project list` shows.";

    public static string RunMessage(string run)
        => $"The dstack run name {Quote(run)} is invalid: a run name is a lowercase letter followed by 1 to 40 lowercase letters, digits or '-' ({RunRule}). "
            + "Use the name `dstack ps` shows.";

    public static string ModelNameMessage(string modelName)
        => $"The dstack model name {Quote(modelName)} is empty or only white space. Use the model's service.model.name, such as \"Qwen/Qwen3.6-27B\".";

    /// <summary>Quotes a name for a message, shortened and with control characters escaped, so a message stays one readable line.</summary>
    public static string Quote(string value)
    {
        const int max = 80;
        var text = value.Length > max ? value.Substring(0, max) + "…" : value;
        var builder = new System.Text.StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            if (char.IsControl(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
}
