using System.Globalization;
using System.Text.Json.Nodes;

namespace Dstack.UrlGen.Tests.Client;

/// <summary>The dstack run fixtures (tests/fixtures/dstack/), read from the files, and runs made in their shape.</summary>
internal static class RunFixtures
{
    public static JsonObject Load(string file) => JsonNode.Parse(Fixtures.Read("dstack/" + file))!.AsObject();

    /// <summary>The runs of <c>runs_list.json</c>, in its order (the server's: newest first).</summary>
    public static List<JsonObject> List()
        => JsonNode.Parse(Fixtures.Read("dstack/runs_list.json"))!.AsArray().Select(n => n!.AsObject()).ToList();

    public static string RunName(JsonNode run) => run["run_spec"]!["run_name"]!.GetValue<string>();

    public static string? ModelName(JsonNode run) => run["service"]?["model"]?["name"]?.GetValue<string>();

    /// <summary>A copy of <paramref name="run"/> with another <c>service.model.base_url</c>.</summary>
    public static JsonObject WithBaseUrl(JsonObject run, string baseUrl)
    {
        var copy = run.DeepClone().AsObject();
        copy["service"]!["model"]!["base_url"] = baseUrl;
        return copy;
    }

    /// <summary>A copy of <paramref name="run"/> with another status.</summary>
    public static JsonObject WithStatus(JsonObject run, string status)
    {
        var copy = run.DeepClone().AsObject();
        copy["status"] = status;
        return copy;
    }

    /// <summary>
    /// <paramref name="count"/> running model services shaped as <c>run_server_openai.json</c>, newest first
    /// (as the server orders them), each with its own id, run name, model name and base_url.
    /// </summary>
    public static List<JsonObject> Synthesize(int count)
    {
        var template = Load("run_server_openai.json");
        var start = new DateTimeOffset(2026, 8, 20, 10, 0, 0, TimeSpan.Zero);
        var runs = new List<JsonObject>(count);
        for (int i = 0; i < count; i++)
        {
            var run = template.DeepClone().AsObject();
            string name = $"svc-{i:D4}";
            run["id"] = new Guid(i + 1, 0x1111, 0x4222, 0x83, 0x33, 0, 0, 0, 0, 0, 0).ToString();
            run["submitted_at"] = start.AddSeconds(-i).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            run["run_spec"]!["run_name"] = name;
            run["run_spec"]!["configuration"]!["name"] = name;
            run["service"]!["url"] = $"/proxy/services/main/{name}/";
            run["service"]!["model"]!["name"] = $"org/model-{i:D4}";
            run["service"]!["model"]!["base_url"] = $"/proxy/services/main/{name}/v1";
            runs.Add(run);
        }

        return runs;
    }
}
