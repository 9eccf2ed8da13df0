namespace Dstack.UrlGen.Hosting;

/// <summary>The process environment and the home directory that hold the dstack CLI's settings; tests replace it.</summary>
internal sealed class DstackEnvironment
{
    public DstackEnvironment(Func<string, string?> getVariable, string? homeDirectory)
    {
        GetVariable = getVariable;
        HomeDirectory = homeDirectory;
    }

    public static DstackEnvironment Process { get; } = new(
        Environment.GetEnvironmentVariable,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    public Func<string, string?> GetVariable { get; }

    public string? HomeDirectory { get; }
}
