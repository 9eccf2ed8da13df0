namespace Dstack.UrlGen.Hosting;

/// <summary>Finds a declared model's endpoint as the generated <c>GetEndpointAsync</c> does, from its <see cref="DstackModelInfo"/>.</summary>
internal static class DstackModelEndpoints
{
    /// <summary>
    /// A declared <c>BaseUrl</c> is resolved without a server call; else the run (one <c>runs/get</c>) or the model
    /// name (the project's running services) is asked for, through the client's cache. The model's project wins over the client's.
    /// </summary>
    public static Task<DstackModelEndpoint> GetAsync(DstackClient client, DstackModelInfo model, CancellationToken cancellationToken)
    {
        if (model.BaseUrl is not null)
        {
            var url = DstackUrl.Resolve(client.ServerUrl, model.BaseUrl, client.Options.UrlOptions);
            return Task.FromResult(new DstackModelEndpoint(model.ModelName, model.Project ?? client.Project, null, model.BaseUrl, url, DstackUrl.Classify(model.BaseUrl)));
        }

        return model.Run is not null
            ? client.GetRunModelAsync(model.Run, model.Project, cancellationToken)
            : client.GetModelAsync(model.ModelName, model.Project, cancellationToken);
    }

    /// <summary>Checks a model before anything is registered for it, so a bad declaration fails at start-up, naming its type.</summary>
    public static void Validate(DstackModelInfo model, string paramName)
    {
        string who = string.IsNullOrWhiteSpace(model.DeclaringType) ? "a dstack model" : model.DeclaringType;
        if (!DstackNames.IsValidModelName(model.ModelName))
        {
            throw new ArgumentException($"{who}: {DstackNames.ModelNameMessage(model.ModelName ?? string.Empty)}", paramName);
        }

        if (string.IsNullOrWhiteSpace(model.DeclaringType))
        {
            throw new ArgumentException($"The dstack model \"{model.ModelName}\" has no DeclaringType; give the name of the type that declares it (it is one of its service keys).", paramName);
        }

        if (model.Project is not null && !DstackNames.IsValidProject(model.Project))
        {
            throw new ArgumentException($"{who}: {DstackNames.ProjectMessage(model.Project)}", paramName);
        }

        if (model.Run is not null && !DstackNames.IsValidRun(model.Run))
        {
            throw new ArgumentException($"{who}: {DstackNames.RunMessage(model.Run)}", paramName);
        }
    }
}
