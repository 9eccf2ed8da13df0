using System.ClientModel;
using System.Text.Json;
using Dstack.UrlGen;
using Dstack.UrlGen.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WebApi;

// A minimal API over two dstack models.
//   dotnet run --project samples/WebApi                         -> an embedded fake dstack on 127.0.0.1
//   dotnet run --project samples/WebApi -- --Dstack:ServerUrl=URL --Dstack:Token=T --Dstack:Project=P
//   (or Dstack__ServerUrl/Dstack__Token/Dstack__Project, DSTACK_SERVER_URL/DSTACK_TOKEN/DSTACK_PROJECT, ~/.dstack/config.yml)
//   --urls=http://127.0.0.1:PORT (or ASPNETCORE_URLS) picks the address; the default is http://127.0.0.1:5080.
//   --Models:0:ModelName=NAME --Models:0:Run=RUN [--Models:1:...] serves those models instead of the declared two
//   (qwen36.dstack.yml's service and the [DstackModel] class Llama).
//   GET /chat/{model}?prompt=...   POST /chat/{model} {"prompt": "..."}   GET /health
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

bool useDemo = DemoServer.IsNeeded(builder.Configuration);
var configured = SampleModels.Configured(builder.Configuration);
var dstack = builder.Services.AddDstack();
if (configured is null)
{
    // Every model the project declares: qwen36.dstack.yml's service and the [DstackModel] class (generated member).
    dstack.AddDeclaredModels();
}
else
{
    dstack.AddModels(configured, (model, chat) => chat.UseLogging());
}

var models = configured ?? DstackModelCatalog.Models;
builder.Services.AddSingleton(models);
builder.Services.AddHealthChecks().AddDstackModels();

var app = builder.Build();
await using var demo = useDemo ? await DemoServer.StartAsync(builder.Configuration) : null;
if (demo is not null)
{
    app.Logger.LogInformation("No dstack server is configured: using the embedded fake one at {ServerUrl}.", demo.ServerUrl);
}

app.MapGet("/chat/{model}", (string model, string? prompt, IServiceProvider services, CancellationToken cancellationToken)
    => ChatAsync(model, prompt, services, cancellationToken));
app.MapPost("/chat/{model}", (string model, ChatRequest request, IServiceProvider services, CancellationToken cancellationToken)
    => ChatAsync(model, request.Prompt, services, cancellationToken));

// The same through a fixed key: a handler can take the client as a parameter (only with the declared models).
if (configured is null)
{
    app.MapGet("/qwen", async ([FromKeyedServices("qwen36")] IChatClient chat, CancellationToken cancellationToken)
        => (await chat.GetResponseAsync("Say hello.", cancellationToken: cancellationToken)).Text);
}

app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
app.Run();

static async Task<IResult> ChatAsync(string model, string? prompt, IServiceProvider services, CancellationToken cancellationToken)
{
    // A model name holds a '/', which a route value keeps escaped (%2F).
    model = Uri.UnescapeDataString(model);
    var chat = services.GetKeyedService<IChatClient>(model);
    if (chat is null)
    {
        var known = services.GetRequiredService<IReadOnlyList<DstackModelInfo>>().SelectMany(DstackModelKeys.For);
        return Results.NotFound(new { error = $"No model is registered as \"{model}\". Known: {string.Join(", ", known)}." });
    }

    try
    {
        var response = await chat.GetResponseAsync(string.IsNullOrWhiteSpace(prompt) ? "Say hello in five words." : prompt, cancellationToken: cancellationToken);
        return Results.Ok(new { model, modelId = response.ModelId, reply = response.Text });
    }
    catch (DstackException ex)
    {
        // The model is not running (or not found): the message says which and why; it never holds the token.
        return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
    catch (ClientResultException ex)
    {
        // The model answered with an error (after the one retry for a moved endpoint).
        return Results.Problem($"The model answered {ex.Status}: {ex.Message}", statusCode: StatusCodes.Status502BadGateway);
    }
}

/// <summary>The body of <c>POST /chat/{model}</c>.</summary>
internal sealed record ChatRequest(string? Prompt);

/// <summary>Writes the health report as JSON: the status, and each check's description and data (each model's message).</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
