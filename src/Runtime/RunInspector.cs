using Dstack.UrlGen.Api;

namespace Dstack.UrlGen;

/// <summary>
/// Reads dstack runs as the web UI's Models page does: a model is a run whose <c>status</c> is <c>running</c>
/// and whose <c>service.model</c> is not null; its URL is <c>service.model.base_url</c> resolved against the server.
/// </summary>
internal sealed class RunInspector
{
    private const string RunningStatus = "running";

    private readonly Uri _server;
    private readonly string _project;
    private readonly DstackUrlOptions? _urlOptions;
    private readonly SettingsSources _sources;

    public RunInspector(Uri server, string project, DstackUrlOptions? urlOptions, SettingsSources sources)
    {
        _sources = sources;
        _server = server;
        _project = project;
        _urlOptions = urlOptions;
    }

    private string Where => $"project '{_project}' on {_server.OriginalString}";

    /// <summary>The run asked for by name (<c>runs/get</c>); with <paramref name="expectedModel"/>, also checks that it serves that model.</summary>
    public ModelLookup FromRun(RunDto run, string requestedRun, string? expectedModel)
    {
        string runName = run.RunSpec?.RunName ?? requestedRun;
        string status = run.Status ?? "unknown";
        if (run.Service is null)
        {
            string type = run.RunSpec?.Configuration?.Type ?? "run that is not a service";
            return ModelLookup.NoModel(status,
                $"Run '{runName}' of {Where} is a {type}, not a service, so it serves no model. "
                + "Use the run name of a service whose configuration has `model:` (see `dstack ps`).");
        }

        var model = run.Service.Model;
        if (model is null)
        {
            return ModelLookup.NoModel(status,
                $"Run '{runName}' of {Where} is a service without a model. "
                + "Add `model:` to the service's configuration and redeploy it (`dstack apply`), or use the run name of the service that serves the model.");
        }

        string modelName = model.Name ?? throw Malformed(runName, "service.model has no name");
        if (expectedModel is not null && !string.Equals(modelName, expectedModel, StringComparison.Ordinal))
        {
            return ModelLookup.NotFound(
                $"Run '{runName}' of {Where} serves model \"{modelName}\", not \"{expectedModel}\". "
                + "Fix the model name or the run name in [DstackModel].",
                new[] { modelName });
        }

        if (!IsRunning(run))
        {
            return ModelLookup.NotRunning(status, NotRunningMessage(modelName, runName, status));
        }

        var endpoint = Endpoint(modelName, runName, model);
        return ModelLookup.Running(endpoint, RunningMessage(endpoint));
    }

    /// <summary>The model asked for by name among the project's active runs (<c>runs/list</c>); a running run wins.</summary>
    public ModelLookup FromRuns(IReadOnlyList<RunDto> runs, string modelName)
    {
        RunDto? notRunning = null;
        foreach (var run in runs)
        {
            if (!string.Equals(run.Service?.Model?.Name, modelName, StringComparison.Ordinal))
            {
                continue;
            }

            if (IsRunning(run))
            {
                string runName = RunNameOf(run);
                var endpoint = Endpoint(modelName, runName, run.Service!.Model!);
                return ModelLookup.Running(endpoint, RunningMessage(endpoint));
            }

            notRunning ??= run;
        }

        if (notRunning is not null)
        {
            string status = notRunning.Status ?? "unknown";
            return ModelLookup.NotRunning(status, NotRunningMessage(modelName, RunNameOf(notRunning), status));
        }

        var available = RunningModelNames(runs);
        return ModelLookup.NotFound(
            $"No running service in {Where} serves model \"{modelName}\". {Available(runs)} "
            + "Check the model name (the service's `model:`), or start the service with `dstack apply`.",
            available);
    }

    /// <summary>Every running model service of the project, in the server's order.</summary>
    public List<DstackModelEndpoint> Models(IReadOnlyList<RunDto> runs)
    {
        var endpoints = new List<DstackModelEndpoint>();
        foreach (var run in runs)
        {
            var model = run.Service?.Model;
            if (model is not null && IsRunning(run))
            {
                string runName = RunNameOf(run);
                endpoints.Add(Endpoint(model.Name ?? throw Malformed(runName, "service.model has no name"), runName, model));
            }
        }

        return endpoints;
    }

    /// <summary>The distinct names of the running models, for "not found" messages.</summary>
    public static IReadOnlyList<string> RunningModelNames(IReadOnlyList<RunDto> runs)
    {
        var names = new List<string>();
        foreach (var run in runs)
        {
            string? name = run.Service?.Model?.Name;
            if (name is not null && IsRunning(run) && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>One sentence listing the running models and their runs.</summary>
    public string Available(IReadOnlyList<RunDto> runs)
    {
        var parts = new List<string>();
        foreach (var run in runs)
        {
            string? name = run.Service?.Model?.Name;
            if (name is not null && IsRunning(run))
            {
                parts.Add($"\"{name}\" (run '{run.RunSpec?.RunName}')");
            }
        }

        return parts.Count == 0
            ? $"No model is running in project '{_project}'."
            : $"Running models in project '{_project}': {string.Join(", ", parts)}.";
    }

    private static bool IsRunning(RunDto run) => string.Equals(run.Status, RunningStatus, StringComparison.Ordinal);

    private string RunNameOf(RunDto run) => run.RunSpec?.RunName ?? throw Malformed(run.Id ?? "?", "a run has no run_spec.run_name");

    private DstackModelEndpoint Endpoint(string modelName, string runName, ServiceModelDto model)
    {
        string baseUrl = model.BaseUrl ?? throw Malformed(runName, "service.model has no base_url");
        Uri url;
        try
        {
            url = DstackUrl.Resolve(_server, baseUrl, _urlOptions);
        }
        catch (DstackUrlException ex)
        {
            throw ApiErrors.InvalidBaseUrl(_server, _project, runName, modelName, ex);
        }

        return new DstackModelEndpoint(modelName, _project, runName, baseUrl, url, DstackUrl.Classify(baseUrl));
    }

    private string RunningMessage(DstackModelEndpoint endpoint)
        => $"Model \"{endpoint.ModelName}\" is running in run '{endpoint.RunName}' of {Where} at {endpoint.Url}.";

    private string NotRunningMessage(string modelName, string runName, string status)
        => $"Model \"{modelName}\" in run '{runName}' of {Where} is {status}, not running. "
            + $"Wait until `dstack ps` shows it running, or look at `dstack logs {runName}`.";

    private DstackApiException Malformed(string run, string problem)
        => ApiErrors.Malformed(_server, new ApiTarget(_project, run), 200, problem, null, _sources);
}
