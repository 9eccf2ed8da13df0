using Dstack.UrlGen;

namespace QuickStart;

/// <summary>The command line: --server, --token, --project, --demo, --help.</summary>
internal sealed class QuickStartOptions
{
    public const string Usage = """
        Usage: dotnet run --project samples/QuickStart [-- options]

          (no options)      run against an embedded fake dstack server on 127.0.0.1
          --server URL      a real dstack server (with --token and --project)
          --token TOKEN     the dstack user token
          --project NAME    the dstack project
          --demo            use the embedded fake server even if DSTACK_* or ~/.dstack/config.yml are set
          --help            show this text

        Without --server, a real server is used when DSTACK_SERVER_URL and DSTACK_TOKEN are set or
        ~/.dstack/config.yml exists (as the dstack CLI does).
        """;

    /// <summary>For a client made from --server, --token and --project: its error messages name those options.</summary>
    public static DstackClientOptions CommandLineSources { get; } = new()
    {
        ServerUrlSource = "--server",
        TokenSource = "--token",
        ProjectSource = "--project",
    };

    public Uri? Server { get; private set; }

    public string? Token { get; private set; }

    public string? Project { get; private set; }

    public bool ShowHelp { get; private set; }

    public bool UseRealServer { get; private set; }

    public static QuickStartOptions Parse(string[] args)
    {
        var options = new QuickStartOptions();
        bool demo = false;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--server":
                    string url = Value(args, ref i);
                    options.Server = Uri.TryCreate(url, UriKind.Absolute, out var server)
                        ? server
                        : throw new ArgumentException($"--server \"{url}\" is not an absolute URL; pass the dstack server's URL, such as https://dstack.example.com.");
                    break;
                case "--token":
                    options.Token = Value(args, ref i);
                    break;
                case "--project":
                    options.Project = Value(args, ref i);
                    break;
                case "--demo":
                    demo = true;
                    break;
                case "--help" or "-h":
                    options.ShowHelp = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option \"{args[i]}\".{Environment.NewLine}{Usage}");
            }
        }

        if (options.Server is not null && (options.Token is null || options.Project is null))
        {
            throw new ArgumentException("--server needs --token and --project too.");
        }

        if (options.Server is null && options.Token is not null)
        {
            throw new ArgumentException("--token needs --server; without --server the token comes from DSTACK_TOKEN or ~/.dstack/config.yml.");
        }

        options.UseRealServer = !demo && (options.Server is not null || ConfiguredInEnvironment());
        return options;
    }

    private static string Value(string[] args, ref int i)
        => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.{Environment.NewLine}{Usage}");

    private static bool ConfiguredInEnvironment()
    {
        bool variables = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DSTACK_SERVER_URL"))
            && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DSTACK_TOKEN"));
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return variables || (home.Length > 0 && File.Exists(Path.Combine(home, ".dstack", "config.yml")));
    }
}
