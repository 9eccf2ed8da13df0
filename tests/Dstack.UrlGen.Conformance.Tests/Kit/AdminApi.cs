using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>
/// The dstack REST calls the suite sets its server up with, as the dstack CLI and UI make them: <c>runs/apply</c>
/// (<c>dstack apply</c>), <c>users/create</c> + <c>users/get_user</c> (for the new user's token),
/// <c>projects/create</c> and <c>projects/{p}/add_members</c> (dstack 0.21.2's routers/users.py and routers/projects.py).
/// </summary>
internal sealed class AdminApi
{
    private readonly HttpClient _http;
    private readonly Uri _server;
    private readonly string _token;

    public AdminApi(HttpClient http, Uri server, string token)
    {
        _http = http;
        _server = server;
        _token = token;
    }

    public async Task<JsonNode> PostAsync(string path, JsonNode body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_server, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? _token);
        request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text)!;
    }

    /// <summary><c>runs/apply</c> with a run spec as <c>dstack apply</c> sends it; returns the run.</summary>
    public async Task<JsonNode> ApplyAsync(string project, string runName, JsonObject configuration)
    {
        configuration["name"] = runName;
        var body = new JsonObject
        {
            ["plan"] = new JsonObject
            {
                ["run_spec"] = new JsonObject { ["run_name"] = runName, ["configuration"] = configuration },
                ["current_resource"] = null,
            },
            ["force"] = false,
        };
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await PostAsync($"/api/project/{project}/runs/apply", body);
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ex.Message.Contains(" answered 500", StringComparison.Ordinal))
            {
                // dstack's sqlite answers "database is locked" (a 500) when another writer (mark-running) holds it; the apply was rolled back.
                await Task.Delay(300 * attempt);
            }
        }
    }

    /// <summary>Creates a user with the global role <c>user</c> and returns its token.</summary>
    public async Task<string> CreateUserAsync(string username)
    {
        await PostAsync("/api/users/create", new JsonObject { ["username"] = username, ["global_role"] = "user" });
        var user = await PostAsync("/api/users/get_user", new JsonObject { ["username"] = username });
        return user["creds"]!["token"]!.GetValue<string>();
    }

    public Task<JsonNode> CreateProjectAsync(string project)
        => PostAsync("/api/projects/create", new JsonObject { ["project_name"] = project, ["is_public"] = false });

    public Task<JsonNode> AddMemberAsync(string project, string username, string role)
        => PostAsync($"/api/projects/{project}/add_members", new JsonObject
        {
            ["members"] = new JsonArray(new JsonObject { ["username"] = username, ["project_role"] = role }),
        });

    public static JsonObject Service(JsonNode? model, int port = 8000)
    {
        var configuration = new JsonObject
        {
            ["type"] = "service",
            ["commands"] = new JsonArray("python -m http.server 8000"),
            ["port"] = port,
        };
        if (model is not null)
        {
            configuration["model"] = model;
        }

        return configuration;
    }

    public static JsonObject TaskConfiguration()
        => new() { ["type"] = "task", ["commands"] = new JsonArray("echo conformance") };
}
