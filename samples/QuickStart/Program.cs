using System.ClientModel;
using Dstack.UrlGen;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using QuickStart;

// QuickStart: find models that dstack serves and talk to them through the OpenAI SDK.
//   dotnet run --project samples/QuickStart                      -> an embedded fake dstack on 127.0.0.1
//   dotnet run --project samples/QuickStart -- --server URL --token T --project P   -> a real dstack server
// A real server is also used when DSTACK_SERVER_URL and DSTACK_TOKEN are set or ~/.dstack/config.yml exists
// (pass --demo to force the embedded one).
try
{
    var options = QuickStartOptions.Parse(args);
    if (options.ShowHelp)
    {
        Console.WriteLine(QuickStartOptions.Usage);
        return 0;
    }

    return options.UseRealServer
        ? await RealServer.RunAsync(options)
        : await Demo.RunAsync();
}
catch (Exception e) when (e is DstackException or DstackUrlException or ArgumentException or HttpRequestException)
{
    Console.Error.WriteLine($"QuickStart failed: {e.Message}");
    return 1;
}

internal static class Demo
{
    public static async Task<int> RunAsync()
    {
        await using var dstack = await FakeDstack.StartAsync();
        Console.WriteLine($"Embedded fake dstack server at {dstack.ServerUrl} (project '{FakeDstack.Project}').");
        Console.WriteLine();

        using var client = new DstackClient(dstack.ServerUrl, FakeDstack.Token, FakeDstack.Project);

        // The generated catalog checks every declared model at start-up, before anything calls it.
        var report = await DstackModelCatalog.VerifyAsync(client);
        report.EnsureSuccess();

        var endpoints = new[]
        {
            await Qwen.GetEndpointAsync(client),
            await Llama.GetEndpointAsync(client),
            await LlamaSmall.GetEndpointAsync(client),
        };
        ModelTable.Print(endpoints);
        Console.WriteLine();

        // One reply per model through the OpenAI SDK, with clients the generator wrote.
        Print("Qwen", await (await Qwen.CreateChatClientAsync(client)).CompleteChatAsync("Say hello."));
        Print("Llama", await (await Llama.CreateChatClientAsync(client)).CompleteChatAsync("Say hello."));

        // No attribute at all: DstackServices.Qwen36 is generated from qwen36.dstack.yml, the service's own dstack file.
        Print("DstackServices.Qwen36", await (await DstackServices.Qwen36.CreateChatClientAsync(client)).CompleteChatAsync("Say hello."));

        // The same through Microsoft.Extensions.AI's IChatClient.
        IChatClient small = await LlamaSmall.CreateIChatClientAsync(client);
        var response = await small.GetResponseAsync("Say hello.");
        Console.WriteLine($"LlamaSmall -> {response.Text}");

        // A model that is not running yet is reported, not called.
        var pending = await client.VerifyAsync(new[] { new DstackModelInfo("mistralai/Mistral-7B-Instruct-v0.3", null, "mistral", null, "QuickStart.Mistral") });
        Console.WriteLine();
        Console.WriteLine($"Verification of an undeclared, provisioning model: {pending.Checks[0].State}: {pending.Checks[0].Message}");
        return 0;
    }

    private static void Print(string name, ClientResult<ChatCompletion> completion)
        => Console.WriteLine($"{name} -> {completion.Value.Content[0].Text}");
}

internal static class RealServer
{
    public static async Task<int> RunAsync(QuickStartOptions options)
    {
        // With --server the settings come from the command line, and the client's messages say so
        // (not DSTACK_SERVER_URL or ~/.dstack/config.yml, which this run never read).
        using var client = options.Server is not null
            ? new DstackClient(options.Server, options.Token!, options.Project!, null, QuickStartOptions.CommandLineSources)
            : DstackClient.FromEnvironment(options.Project);
        Console.WriteLine($"dstack server {client.ServerUrl.OriginalString}, project '{client.Project}'.");
        Console.WriteLine();

        var models = await client.ListModelsAsync();
        if (models.Count == 0)
        {
            Console.Error.WriteLine($"No model is running in project '{client.Project}' on {client.ServerUrl}: start a service with `model:` in its configuration (dstack apply) and run again.");
            return 1;
        }

        ModelTable.Print(models);
        Console.WriteLine();
        int failed = 0;
        foreach (var endpoint in models)
        {
            var chat = new ChatClient(endpoint.ModelName, new ApiKeyCredential(client.Token), new OpenAIClientOptions { Endpoint = endpoint.Url });
            try
            {
                var completion = await chat.CompleteChatAsync("Say hello in five words.");
                Console.WriteLine($"{endpoint.ModelName} -> {completion.Value.Content[0].Text}");
            }
            catch (ClientResultException e)
            {
                // The next lookup asks the server again: the service may have moved.
                client.Forget(endpoint);
                Console.Error.WriteLine(ModelCallError.Describe(endpoint, e.Status, options.Server is not null ? "--token" : "your dstack token"));
                failed++;
            }
        }

        return failed == 0 ? 0 : 1;
    }
}

internal static class ModelTable
{
    /// <summary>Prints the models like the dstack UI's Models page: name, how it is served, base_url and the URL to call.</summary>
    public static void Print(IReadOnlyList<DstackModelEndpoint> endpoints)
    {
        string[] header = { "MODEL", "KIND", "BASE_URL", "URL" };
        var rows = endpoints.Select(e => new[] { e.ModelName, e.Kind.ToString(), e.BaseUrl, e.Url.AbsoluteUri }).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
        Console.WriteLine(Line(header, widths));
        foreach (var row in rows)
        {
            Console.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths)
        => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
