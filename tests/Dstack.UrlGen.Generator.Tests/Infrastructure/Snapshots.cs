using System.Runtime.CompilerServices;
using System.Text;

namespace Dstack.UrlGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated files with the committed ones in <c>Expected/&lt;case&gt;/&lt;hint name&gt;</c>. With
/// <c>DSTACK_UPDATE_SNAPSHOTS=1</c> it rewrites them in the source tree instead (review the diff, then commit).
/// </summary>
internal static class Snapshots
{
    public const string UpdateVariable = "DSTACK_UPDATE_SNAPSHOTS";
    private const string FolderName = "Expected";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The committed expected files of a case, read from the copy beside the test assembly.</summary>
    public static IReadOnlyDictionary<string, string> ReadExpected(string caseName)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, FolderName, caseName);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f), StringComparer.Ordinal)
            : new Dictionary<string, string>();
    }

    /// <summary>The case folders that the build copied beside the test assembly.</summary>
    public static IEnumerable<string> ExpectedCaseNames()
    {
        string root = Path.Combine(AppContext.BaseDirectory, FolderName);
        return Directory.Exists(root) ? Directory.GetDirectories(root).Select(d => Path.GetFileName(d)) : [];
    }

    public static void Verify(string caseName, IReadOnlyDictionary<string, string> generated, [CallerFilePath] string callerPath = "")
    {
        if (Updating)
        {
            Write(SourceFolder(callerPath, caseName), generated);
            return;
        }

        IReadOnlyDictionary<string, string> expected = ReadExpected(caseName);
        string hint = $"Run the tests with {UpdateVariable}=1 to rewrite tests/Dstack.UrlGen.Generator.Tests/{FolderName}/{caseName}/, then review and commit the change.";
        Assert.True(
            expected.Keys.OrderBy(k => k, StringComparer.Ordinal).SequenceEqual(generated.Keys.OrderBy(k => k, StringComparer.Ordinal)),
            $"Case '{caseName}': expected the files [{string.Join(", ", expected.Keys.Order())}] but the generator wrote [{string.Join(", ", generated.Keys.Order())}]. {hint}");
        foreach (var (name, text) in generated)
        {
            string? difference = Describe(Normalize(expected[name]), Normalize(text));
            Assert.True(difference is null, $"Case '{caseName}', file {name}: {difference}\n{hint}");
        }
    }

    /// <summary>A readable account of the first difference, or null when the texts are the same.</summary>
    public static string? Describe(string expected, string actual)
    {
        if (expected == actual)
        {
            return null;
        }

        string[] expectedLines = expected.Split('\n'), actualLines = actual.Split('\n');
        int line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        var text = new StringBuilder($"first difference at line {line + 1} ({expectedLines.Length} expected lines, {actualLines.Length} generated).\n");
        for (int i = Math.Max(0, line - 2); i < Math.Min(line + 3, Math.Max(expectedLines.Length, actualLines.Length)); i++)
        {
            string? e = i < expectedLines.Length ? expectedLines[i] : null;
            string? a = i < actualLines.Length ? actualLines[i] : null;
            if (e == a)
            {
                text.Append("  ").Append(i + 1).Append("  ").Append(e).Append('\n');
                continue;
            }

            if (e is not null)
            {
                text.Append("- ").Append(i + 1).Append("  ").Append(e).Append('\n');
            }

            if (a is not null)
            {
                text.Append("+ ").Append(i + 1).Append("  ").Append(a).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n");

    private static void Write(string folder, IReadOnlyDictionary<string, string> generated)
    {
        Directory.CreateDirectory(folder);
        foreach (string stale in Directory.GetFiles(folder).Where(f => !generated.ContainsKey(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }

        foreach (var (name, text) in generated)
        {
            File.WriteAllText(Path.Combine(folder, name), Normalize(text), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
    }

    /// <summary>The case's folder in the source tree: beside the project file above the calling test's source file.</summary>
    private static string SourceFolder(string callerPath, string caseName)
    {
        for (string? dir = Path.GetDirectoryName(callerPath); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Directory.EnumerateFiles(dir, "*.csproj").Any())
            {
                return Path.Combine(dir, FolderName, caseName);
            }
        }

        throw new InvalidOperationException(
            $"{UpdateVariable}=1 needs the test project's source folder, but no *.csproj is above '{callerPath}'. Run the tests from a clone of the repository.");
    }
}
