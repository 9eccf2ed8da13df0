namespace Dstack.UrlGen.Generator.Generation;

/// <summary>dstack's own name rules, checked at compile time as the client checks them before a name goes into a URL.</summary>
internal static class DstackNames
{
    /// <summary>A project name: <c>^[a-zA-Z0-9-_]{1,50}$</c>.</summary>
    public static bool IsValidProjectName(string name)
    {
        if (name.Length is < 1 or > 50)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(IsAsciiLetter(c) || IsAsciiDigit(c) || c == '-' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A run name: <c>^[a-z][a-z0-9-]{1,40}$</c>.</summary>
    public static bool IsValidRunName(string name)
    {
        if (name.Length is < 2 or > 41 || !IsAsciiLower(name[0]))
        {
            return false;
        }

        for (int i = 1; i < name.Length; i++)
        {
            char c = name[i];
            if (!(IsAsciiLower(c) || IsAsciiDigit(c) || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLower(char c) => c is >= 'a' and <= 'z';

    private static bool IsAsciiLetter(char c) => IsAsciiLower(c) || c is >= 'A' and <= 'Z';

    private static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';
}
