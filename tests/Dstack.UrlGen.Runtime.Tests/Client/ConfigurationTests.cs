using YamlDotNet.Core;

namespace Dstack.UrlGen.Tests.Client;

public class ConfigurationTests
{
    private const string MainToken = "5a6b7c8d-0000-4000-8000-00000000cafe";
    private const string ResearchToken = "0f1e2d3c-0000-4000-8000-00000000beef";
    private const string EnvToken = "env-token-1234";

    private static string ConfigYml => Fixtures.Read("dstack/config.yml");

    [Fact]
    public void Variables_only()
    {
        using var home = new TemporaryHome();
        home.Variables["DSTACK_SERVER_URL"] = "https://dstack.example.com/some/prefix";
        home.Variables["DSTACK_TOKEN"] = EnvToken;
        home.Variables["DSTACK_PROJECT"] = "research";

        using var client = home.FromEnvironment();

        Assert.Equal("https://dstack.example.com/some/prefix", client.ServerUrl.OriginalString);
        Assert.Equal(EnvToken, client.Token);
        Assert.Equal("research", client.Project);
    }

    [Fact]
    public async Task A_client_from_the_file_sends_the_user_to_the_files_entries_not_to_the_variables()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var home = new TemporaryHome($"projects:\n- name: main\n  default: true\n  url: {server.ServerUrl}\n  token: wrong-token-5b0e\n");
        using var client = home.FromEnvironment();

        var error = await Assert.ThrowsAsync<DstackAuthenticationException>(() => client.ListModelsAsync());

        Assert.Contains($"Check the token of project 'main' at line 2 in {home.ConfigPath}:", error.Message);
        Assert.DoesNotContain("DSTACK_", error.Message);
    }

    [Fact]
    public async Task A_client_from_the_variables_sends_the_user_to_the_variables()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var home = new TemporaryHome();
        home.Variables["DSTACK_SERVER_URL"] = server.ServerUrl.ToString();
        home.Variables["DSTACK_TOKEN"] = FakeDstackServer.Token;
        home.Variables["DSTACK_PROJECT"] = "nosuchproject";
        using var client = home.FromEnvironment();

        var error = await Assert.ThrowsAsync<DstackNotFoundException>(() => client.ListModelsAsync());

        Assert.Contains("Check the project name (DSTACK_PROJECT)", error.Message);
        Assert.Contains("that DSTACK_SERVER_URL includes", error.Message);
        Assert.DoesNotContain("config.yml", error.Message);
    }

    [Fact]
    public void Variables_with_the_project_argument_winning_over_DSTACK_PROJECT()
    {
        using var home = new TemporaryHome();
        home.Variables["DSTACK_SERVER_URL"] = "http://127.0.0.1:3000";
        home.Variables["DSTACK_TOKEN"] = EnvToken;
        home.Variables["DSTACK_PROJECT"] = "research";

        using var client = home.FromEnvironment("main");

        Assert.Equal("main", client.Project);
    }

    [Fact]
    public void Variables_without_a_project_name_DSTACK_PROJECT()
    {
        using var home = new TemporaryHome(ConfigYml);
        home.Variables["DSTACK_SERVER_URL"] = "http://127.0.0.1:3000";
        home.Variables["DSTACK_TOKEN"] = EnvToken;

        var error = Assert.Throws<DstackConfigurationException>(() => home.FromEnvironment());

        Assert.Contains("DSTACK_PROJECT", error.Message);
        Assert.Contains("DSTACK_SERVER_URL and DSTACK_TOKEN are set", error.Message);
    }

    [Fact]
    public void File_only_uses_the_default_project()
    {
        using var home = new TemporaryHome(ConfigYml);

        using var client = home.FromEnvironment();

        Assert.Equal("http://127.0.0.1:3000", client.ServerUrl.OriginalString);
        Assert.Equal(MainToken, client.Token);
        Assert.Equal("main", client.Project);
    }

    [Fact]
    public void File_with_the_project_argument()
    {
        using var home = new TemporaryHome(ConfigYml);
        home.Variables["DSTACK_PROJECT"] = "main";

        using var client = home.FromEnvironment("research");

        Assert.Equal("https://dstack.example.com/some/prefix", client.ServerUrl.OriginalString);
        Assert.Equal(ResearchToken, client.Token);
        Assert.Equal("research", client.Project);
    }

    [Fact]
    public void File_with_DSTACK_PROJECT()
    {
        using var home = new TemporaryHome(ConfigYml);
        home.Variables["DSTACK_PROJECT"] = "research";

        using var client = home.FromEnvironment();

        Assert.Equal("research", client.Project);
        Assert.Equal(ResearchToken, client.Token);
    }

    [Fact]
    public void Both_variables_and_file_the_variables_win()
    {
        using var home = new TemporaryHome(ConfigYml);
        home.Variables["DSTACK_SERVER_URL"] = "https://other.example.com";
        home.Variables["DSTACK_TOKEN"] = EnvToken;

        using var client = home.FromEnvironment("main");

        Assert.Equal("https://other.example.com", client.ServerUrl.OriginalString);
        Assert.Equal(EnvToken, client.Token);
    }

    [Fact]
    public void DSTACK_TOKEN_alone_overrides_the_files_token()
    {
        using var home = new TemporaryHome(ConfigYml);
        home.Variables["DSTACK_TOKEN"] = EnvToken;

        using var client = home.FromEnvironment();

        Assert.Equal("http://127.0.0.1:3000", client.ServerUrl.OriginalString);
        Assert.Equal(EnvToken, client.Token);
    }

    [Fact]
    public void DSTACK_SERVER_URL_alone_does_not_replace_the_files_url()
    {
        using var home = new TemporaryHome(ConfigYml);
        home.Variables["DSTACK_SERVER_URL"] = "https://other.example.com";

        using var client = home.FromEnvironment();

        Assert.Equal("http://127.0.0.1:3000", client.ServerUrl.OriginalString);
    }

    [Fact]
    public void Blank_variables_count_as_unset()
    {
        using var home = new TemporaryHome(ConfigYml);
        home.Variables["DSTACK_SERVER_URL"] = " ";
        home.Variables["DSTACK_TOKEN"] = "";
        home.Variables["DSTACK_PROJECT"] = "";

        using var client = home.FromEnvironment();

        Assert.Equal(MainToken, client.Token);
    }

    [Fact]
    public void A_project_missing_from_the_file_names_the_file_and_its_projects()
    {
        using var home = new TemporaryHome(ConfigYml);

        var error = Assert.Throws<DstackConfigurationException>(() => home.FromEnvironment("staging"));

        Assert.Contains("Project 'staging' is not in " + home.ConfigPath, error.Message);
        Assert.Contains("'main', 'research'", error.Message);
        Assert.Contains("dstack project add", error.Message);
    }

    [Fact]
    public void DSTACK_PROJECT_naming_a_missing_project_names_the_variable()
    {
        using var home = new TemporaryHome(ConfigYml);
        home.Variables["DSTACK_PROJECT"] = "staging";

        var error = Assert.Throws<DstackConfigurationException>(() => home.FromEnvironment());

        Assert.StartsWith("DSTACK_PROJECT names project 'staging'", error.Message);
        Assert.Contains(home.ConfigPath, error.Message);
    }

    [Fact]
    public void No_default_project_says_how_to_choose_one()
    {
        using var home = new TemporaryHome(ConfigYml.Replace("default: true", "default: false"));

        var error = Assert.Throws<DstackConfigurationException>(() => home.FromEnvironment());

        Assert.Contains("default: true", error.Message);
        Assert.Contains("DSTACK_PROJECT", error.Message);
        Assert.Contains(home.ConfigPath, error.Message);
        Assert.Contains("dstack project set-default", error.Message);
    }

    [Fact]
    public void Malformed_yaml_names_the_file_and_the_line()
    {
        using var home = new TemporaryHome("projects:\n- name: main\n  url: \"http://127.0.0.1:3000\n  token: [unclosed\n");

        var error = Assert.Throws<DstackConfigurationException>(() => home.FromEnvironment());

        Assert.Contains(home.ConfigPath + " is not valid YAML at line", error.Message);
        Assert.IsAssignableFrom<YamlException>(error.InnerException);
    }

    [Fact]
    public void A_missing_file_names_the_file_and_the_variables()
    {
        using var home = new TemporaryHome();

        var error = Assert.Throws<DstackConfigurationException>(() => home.FromEnvironment());

        Assert.Contains(home.ConfigPath + " does not exist", error.Message);
        Assert.Contains("DSTACK_SERVER_URL, DSTACK_TOKEN and DSTACK_PROJECT", error.Message);
    }

    [Fact]
    public void Only_DSTACK_SERVER_URL_and_no_file_says_DSTACK_TOKEN_is_missing()
    {
        using var home = new TemporaryHome();
        home.Variables["DSTACK_SERVER_URL"] = "http://127.0.0.1:3000";

        var error = Assert.Throws<DstackConfigurationException>(() => home.FromEnvironment());

        Assert.StartsWith("DSTACK_SERVER_URL is set but DSTACK_TOKEN is not", error.Message);

        // One sentence: no second sentence spliced in after a semicolon, no sentence restarting in capitals.
        Assert.Single(error.Message.Split(". ", StringSplitOptions.None));
        Assert.DoesNotContain("; No", error.Message);
        Assert.Contains(home.ConfigPath + ", which does not exist", error.Message);
        Assert.Contains("set DSTACK_TOKEN", error.Message);
    }

    [Theory]
    [InlineData("", "does not hold a mapping")]
    [InlineData("- just\n- a list\n", "does not hold a mapping")]
    [InlineData("repos: []\n", "has no `projects:` list")]
    [InlineData("projects: main\n", "has no `projects:` list")]
    [InlineData("projects:\n- main\n", "is not a mapping")]
    [InlineData("projects:\n- name: main\n  default: true\n  token: t\n", "has no url for project 'main'")]
    [InlineData("projects:\n- name: main\n  default: true\n  url: http://127.0.0.1:3000\n", "has no token for project 'main'")]
    [InlineData("projects:\n- name: main\n  default: true\n  url: 127.0.0.1:3000\n  token: t\n", "the url of project 'main' at line 2")]
    [InlineData("projects:\n- name: main\n  default: true\n  url: ftp://127.0.0.1\n  token: t\n", "is not a usable dstack server URL")]
    [InlineData("projects:\n- name: ../main\n  default: true\n  url: http://127.0.0.1:3000\n  token: t\n", "not a valid dstack project name")]
    public void An_invalid_file_names_the_file_and_what_is_wrong(string yaml, string expected)
    {
        using var home = new TemporaryHome(yaml);

        var error = Assert.Throws<DstackConfigurationException>(() => home.FromEnvironment());

        Assert.Contains(home.ConfigPath, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void An_invalid_DSTACK_SERVER_URL_names_the_variable()
    {
        using var home = new TemporaryHome();
        home.Variables["DSTACK_SERVER_URL"] = "http://127.0.0.1:3000/?x=1";
        home.Variables["DSTACK_TOKEN"] = EnvToken;
        home.Variables["DSTACK_PROJECT"] = "main";

        var error = Assert.Throws<DstackConfigurationException>(() => home.FromEnvironment());

        Assert.StartsWith("DSTACK_SERVER_URL is not a usable dstack server URL", error.Message);
    }

    [Fact]
    public void An_invalid_DSTACK_PROJECT_names_the_variable_and_the_rule()
    {
        using var home = new TemporaryHome(ConfigYml);
        home.Variables["DSTACK_PROJECT"] = "my project";

        var error = Assert.Throws<DstackConfigurationException>(() => home.FromEnvironment());

        Assert.StartsWith("DSTACK_PROJECT is invalid", error.Message);
        Assert.Contains("^[a-zA-Z0-9-_]{1,50}$", error.Message);
    }

    [Fact]
    public void A_token_with_white_space_is_refused_without_showing_it()
    {
        using var home = new TemporaryHome(ConfigYml);
        home.Variables["DSTACK_TOKEN"] = "secret part";

        var error = Assert.Throws<DstackConfigurationException>(() => home.FromEnvironment());

        Assert.StartsWith("DSTACK_TOKEN contains white space", error.Message);
        Assert.DoesNotContain("secret", error.ToString());
    }

    [Fact]
    public void Yaml_booleans_as_the_dstack_CLI_reads_them_and_unknown_keys_are_ignored()
    {
        using var home = new TemporaryHome(
            "repos:\n- path: /src\nprojects:\n- name: a\n  url: http://127.0.0.1:1\n  token: ta\n  default: false\n- name: b\n  url: http://127.0.0.1:2\n  token: tb\n  default: True\n  extra: 1\n");

        using var client = home.FromEnvironment();

        Assert.Equal("b", client.Project);
        Assert.Equal("tb", client.Token);
    }
}
