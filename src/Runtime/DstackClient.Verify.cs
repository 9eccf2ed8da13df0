using Dstack.UrlGen.Api;

namespace Dstack.UrlGen;

public sealed partial class DstackClient
{
    /// <summary>
    /// Checks declared models against the server, one <see cref="DstackModelCheck"/> per model in the given order:
    /// a declared <see cref="DstackModelInfo.BaseUrl"/> is resolved without a server call; a declared
    /// <see cref="DstackModelInfo.Run"/> is asked for with <c>runs/get</c>; any other model is looked for by name
    /// among its project's active runs (one <c>runs/list</c> per project). A model's own
    /// <see cref="DstackModelInfo.Project"/> wins over <see cref="Project"/>.
    /// Always asks the server (the endpoint cache is not read), and puts each running model's endpoint into the
    /// cache, so that the model's first <c>GetEndpointAsync</c> after a verification makes no request.
    /// </summary>
    /// <param name="models">The declared models, usually <c>DstackModelCatalog.Models</c>.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>The report; a failure of one model (including a server error) is its check's state, not an exception.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="models"/> or one of its items is null.</exception>
    /// <exception cref="DstackAuthenticationException">The server refused the token (401/403): no model can be checked, and the
    /// token, not the models, is what to fix.</exception>
    public async Task<DstackVerificationReport> VerifyAsync(IEnumerable<DstackModelInfo> models, CancellationToken cancellationToken = default)
    {
        if (models is null)
        {
            throw new ArgumentNullException(nameof(models));
        }

        var declared = models.ToList();
        for (int i = 0; i < declared.Count; i++)
        {
            if (declared[i] is null)
            {
                throw new ArgumentNullException(nameof(models), $"The model at index {i} is null.");
            }
        }

        ThrowIfDisposed();
        var runsByProject = new Dictionary<string, Task<List<RunDto>>>(StringComparer.Ordinal);
        var checks = new List<DstackModelCheck>(declared.Count);
        foreach (var model in declared)
        {
            checks.Add(await CheckAsync(model, runsByProject, cancellationToken).ConfigureAwait(false));
        }

        return new DstackVerificationReport(checks);
    }

    private async Task<DstackModelCheck> CheckAsync(DstackModelInfo model, Dictionary<string, Task<List<RunDto>>> runsByProject, CancellationToken cancellationToken)
    {
        string project = model.Project ?? Project;
        if (!DstackNames.IsValidModelName(model.ModelName))
        {
            return Check(model, DstackModelState.Error, null, null, DstackNames.ModelNameMessage(model.ModelName ?? string.Empty));
        }

        if (!DstackNames.IsValidProject(project))
        {
            return Check(model, DstackModelState.Error, null, null, DstackNames.ProjectMessage(project));
        }

        if (model.BaseUrl is not null)
        {
            return CheckDeclaredBaseUrl(model, project);
        }

        if (model.Run is not null && !DstackNames.IsValidRun(model.Run))
        {
            return Check(model, DstackModelState.Error, null, null, DstackNames.RunMessage(model.Run));
        }

        var inspector = new RunInspector(ServerUrl, project, _urlOptions, _sources);
        ModelLookup lookup;
        try
        {
            if (model.Run is not null)
            {
                lookup = await FindRunAsync(inspector, project, model.Run, model.ModelName, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // One list per project serves every model of that project declared without a run.
                if (!runsByProject.TryGetValue(project, out var runs))
                {
                    runs = _api.ListRunsAsync(project, cancellationToken);
                    runsByProject.Add(project, runs);
                }

                lookup = inspector.FromRuns(await runs.ConfigureAwait(false), model.ModelName);
            }
        }
        catch (DstackNotFoundException ex)
        {
            return Check(model, DstackModelState.NotFound, null, null, ex.Message);
        }
        catch (DstackException ex) when (ex is not DstackAuthenticationException)
        {
            return Check(model, DstackModelState.Error, null, null, ex.Message);
        }

        if (lookup.Endpoint is not null)
        {
            // The key GetEndpointAsync of the declaration asks with: by run when a run is declared, else by model name.
            var key = model.Run is not null
                ? new EndpointKey(EndpointLookup.Run, project, model.Run)
                : new EndpointKey(EndpointLookup.Model, project, model.ModelName);
            _cache.Put(key, lookup.Endpoint);
        }

        return Check(model, lookup.State, lookup.RunStatus, lookup.Endpoint, lookup.Message);
    }

    private DstackModelCheck CheckDeclaredBaseUrl(DstackModelInfo model, string project)
    {
        string baseUrl = model.BaseUrl!;
        Uri url;
        try
        {
            url = DstackUrl.Resolve(ServerUrl, baseUrl, _urlOptions);
        }
        catch (DstackUrlException ex)
        {
            return Check(model, DstackModelState.Error, null, null,
                $"The declared base_url of model \"{model.ModelName}\" (project '{project}') cannot be resolved against {ServerUrl.OriginalString}: {ex.Message}");
        }

        var endpoint = new DstackModelEndpoint(model.ModelName, project, null, baseUrl, url, DstackUrl.Classify(baseUrl));
        return Check(model, DstackModelState.Running, null, endpoint,
            $"Model \"{model.ModelName}\" (project '{project}') uses its declared base_url at {url}; the server was not asked.");
    }

    /// <summary>
    /// A check whose message starts with the declaring type and the model (a server error alone would not name the
    /// model) and stays on one line, as the report lists one per line.
    /// </summary>
    private static DstackModelCheck Check(DstackModelInfo model, DstackModelState state, string? runStatus, DstackModelEndpoint? endpoint, string message)
        => new(model, state, runStatus, endpoint, $"{model.DeclaringType} (\"{model.ModelName}\"): {OneLine(message)}");

    private static string OneLine(string text)
        => text.IndexOfAny(new[] { '\r', '\n' }) < 0 ? text : string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
}
