namespace Dstack.UrlGen.Generator.Generation;

/// <summary>Writes the accessors of one <c>[DstackModel]</c> declaration into the partial part of its type.</summary>
internal static class DstackModelEmitter
{
    private const string Endpoint = "global::Dstack.UrlGen.DstackModelEndpoint";
    private const string TaskOfEndpoint = "global::System.Threading.Tasks.Task<" + Endpoint + ">";
    private const string OpenAIChatClient = "global::OpenAI.Chat.ChatClient";
    private const string ClientParameters = EmitterShared.DstackClient + " client, " + EmitterShared.CancellationToken + " cancellationToken = default";

    /// <summary>The generated file's text.</summary>
    public static string Emit(DstackModelSpec spec, EmitOptions options)
    {
        var writer = new IndentedWriter();
        EmitterShared.WriteHeader(
            writer,
            spec.ConfigurationFile is null
                ? "Dstack.UrlGen: the endpoint accessors of [DstackModel] " + spec.FullName + "."
                : "Dstack.UrlGen: the endpoint accessors of the dstack service configured in " + CommentText(spec.ConfigurationFile) + ".",
            options.NullableAnnotations);
        EmitterShared.OpenNamespace(writer, spec.Namespace);
        foreach (TypeDeclarationSpec outer in spec.ContainingTypes)
        {
            if (spec.ConfigurationFile is not null)
            {
                writer.Line("/// <summary>The models of this project's dstack service configurations (<c>*.dstack.yml</c>), one class per service.</summary>");
            }

            writer.Open(TypeHeader(outer));
        }

        if (spec.ConfigurationFile is not null)
        {
            writer.Line($"/// <summary>The model of the dstack service configured in <c>{XmlText(spec.ConfigurationFile)}</c>.</summary>");
        }

        writer.Open(TypeHeader(spec.Type));
        WriteConstants(writer, spec);
        WriteInfo(writer, spec);
        if (spec.BaseUrl is not null)
        {
            WriteGetUrl(writer, spec);
        }

        WriteGetEndpointAsync(writer, spec);
        if (options.OpenAIChatClient)
        {
            WriteCreateChatClientAsync(writer);
            if (options.ExtensionsAIChatClient)
            {
                WriteCreateIChatClientAsync(writer);
            }
        }

        writer.Close();
        for (int i = 0; i < spec.ContainingTypes.Count; i++)
        {
            writer.Close();
        }

        EmitterShared.CloseNamespace(writer, spec.Namespace);
        return writer.ToString();
    }

    /// <summary>A file name as it may stand in a line comment: no line break can end the comment early.</summary>
    private static string CommentText(string text)
        => new(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static string XmlText(string text)
        => CommentText(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string TypeHeader(TypeDeclarationSpec type)
        => (type.Modifiers.Length > 0 ? type.Modifiers + " " : string.Empty) + "partial " + type.Keyword + " " + type.Name;

    private static void WriteConstants(IndentedWriter writer, DstackModelSpec spec)
    {
        writer.Line("/// <summary>The model's name as the dstack server reports it (<c>service.model.name</c>).</summary>");
        writer.Line("public const string ModelName = " + CSharpLiteral.String(spec.ModelName) + ";");
        writer.Line();
        if (spec.Project is not null)
        {
            writer.Line("/// <summary>The dstack project of the model; it wins over the client's project.</summary>");
            writer.Line("public const string Project = " + CSharpLiteral.String(spec.Project) + ";");
            writer.Line();
        }

        if (spec.Run is not null)
        {
            writer.Line("/// <summary>The name of the dstack run that serves the model.</summary>");
            writer.Line("public const string Run = " + CSharpLiteral.String(spec.Run) + ";");
            writer.Line();
        }

        if (spec.BaseUrl is not null)
        {
            writer.Line(spec.BaseUrlKind == DstackUrlKind.Gateway
                ? "/// <summary>The model's <c>base_url</c>, declared at compile time: a gateway URL, used as is.</summary>"
                : "/// <summary>The model's <c>base_url</c>, declared at compile time: a path on the dstack server, joined to the server URL.</summary>");
            writer.Line("[global::Dstack.UrlGen.DstackBaseUrl]");
            writer.Line("public const string BaseUrl = " + CSharpLiteral.String(spec.BaseUrl) + ";");
            writer.Line();
        }
    }

    private static void WriteInfo(IndentedWriter writer, DstackModelSpec spec)
    {
        writer.Line("/// <summary>The declaration as data, as <c>DstackModelCatalog.Models</c> lists it.</summary>");
        writer.Line($"public static {EmitterShared.ModelInfo} Info {{ get; }} = " + EmitterShared.NewModelInfo(
            "ModelName",
            spec.Project is null ? null : "Project",
            spec.Run is null ? null : "Run",
            spec.BaseUrl is null ? null : "BaseUrl",
            spec.FullName) + ";");
        writer.Line();
    }

    private static void WriteGetUrl(IndentedWriter writer, DstackModelSpec spec)
    {
        writer.Line("/// <summary>Resolves <see cref=\"BaseUrl\"/> against a dstack server URL, as <c>DstackUrl.Resolve</c> does.</summary>");
        writer.Line("/// <param name=\"serverUrl\">The dstack server's absolute http(s) URL, with its path prefix if it has one.</param>");
        writer.Line(spec.BaseUrlKind == DstackUrlKind.Gateway
            ? "/// <returns>The gateway URL, unchanged.</returns>"
            : "/// <returns>The server URL joined with the path, keeping the server's path prefix.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"serverUrl\"/> is null.</exception>");
        writer.Line("/// <exception cref=\"global::Dstack.UrlGen.DstackUrlException\">The server URL is not an absolute http(s) URL, or an <c>http://</c> gateway is used with an <c>https://</c> server.</exception>");
        writer.Line("public static global::System.Uri GetUrl(global::System.Uri serverUrl) => global::Dstack.UrlGen.DstackUrl.Resolve(serverUrl, BaseUrl);");
        writer.Line();
    }

    private static void WriteGetEndpointAsync(IndentedWriter writer, DstackModelSpec spec)
    {
        string project = spec.Project is null ? "the client's project" : "the project <see cref=\"Project\"/>";
        if (spec.BaseUrl is not null)
        {
            writer.Line("/// <summary>The model's endpoint, built from <see cref=\"BaseUrl\"/> and the client's server URL with no server call.</summary>");
        }
        else if (spec.Run is not null)
        {
            writer.Line($"/// <summary>Asks the dstack server for the run <see cref=\"Run\"/> in {project} and returns its model's endpoint.</summary>");
        }
        else
        {
            writer.Line($"/// <summary>Asks the dstack server for the running model <see cref=\"ModelName\"/> in {project} and returns its endpoint.</summary>");
        }

        writer.Line("/// <param name=\"client\">The dstack client: its server, token and project.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        writer.Line(spec.BaseUrl is not null
            ? "/// <returns>The endpoint; its <c>RunName</c> is null because the server was not asked.</returns>"
            : "/// <returns>The endpoint, cached by the client until a call through it fails.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"client\"/> is null.</exception>");
        if (spec.BaseUrl is null)
        {
            writer.Line("/// <exception cref=\"global::Dstack.UrlGen.DstackException\">The server cannot be reached, refuses the token, or does not show the model as running.</exception>");
        }
        else
        {
            writer.Line("/// <exception cref=\"global::Dstack.UrlGen.DstackUrlException\">The client's server URL does not accept <see cref=\"BaseUrl\"/>.</exception>");
        }

        writer.Open($"public static {TaskOfEndpoint} GetEndpointAsync({ClientParameters})");
        EmitterShared.WriteClientNullCheck(writer);
        string projectArgument = spec.Project is null ? "null" : "Project";
        if (spec.BaseUrl is not null)
        {
            writer.Open("if (cancellationToken.IsCancellationRequested)");
            writer.Line($"return global::System.Threading.Tasks.Task.FromCanceled<{Endpoint}>(cancellationToken);");
            writer.Close();
            writer.Line();
            writer.Line("return global::System.Threading.Tasks.Task.FromResult(new " + Endpoint + "(");
            writer.Line("    ModelName,");
            writer.Line("    " + (spec.Project is null ? "client.Project" : "Project") + ",");
            writer.Line("    null,");
            writer.Line("    BaseUrl,");
            writer.Line("    GetUrl(client.ServerUrl),");
            writer.Line("    global::Dstack.UrlGen.DstackUrlKind." + spec.BaseUrlKind + "));");
        }
        else if (spec.Run is not null)
        {
            writer.Line($"return client.GetRunModelAsync(Run, {projectArgument}, cancellationToken);");
        }
        else
        {
            writer.Line($"return client.GetModelAsync(ModelName, {projectArgument}, cancellationToken);");
        }

        writer.Close();
    }

    private static void WriteCreateChatClientAsync(IndentedWriter writer)
    {
        writer.Line();
        writer.Line("/// <summary>Creates an OpenAI chat client for the model: its endpoint URL, its model name, and the dstack token as the API key.</summary>");
        writer.Line("/// <param name=\"client\">The dstack client: its server, token and project.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels finding the endpoint.</param>");
        writer.Line("/// <returns>A chat client that calls the model through dstack.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"client\"/> is null.</exception>");
        writer.Open($"public static async global::System.Threading.Tasks.Task<{OpenAIChatClient}> CreateChatClientAsync({ClientParameters})");
        EmitterShared.WriteClientNullCheck(writer);
        writer.Line($"{Endpoint} endpoint = await GetEndpointAsync(client, cancellationToken).ConfigureAwait(false);");
        writer.Line($"return new {OpenAIChatClient}(");
        writer.Line("    endpoint.ModelName,");
        writer.Line("    new global::System.ClientModel.ApiKeyCredential(client.Token),");
        writer.Line("    new global::OpenAI.OpenAIClientOptions { Endpoint = endpoint.Url });");
        writer.Close();
    }

    private static void WriteCreateIChatClientAsync(IndentedWriter writer)
    {
        writer.Line();
        writer.Line("/// <summary>Creates a Microsoft.Extensions.AI chat client for the model, over the OpenAI chat client of <c>CreateChatClientAsync</c>.</summary>");
        writer.Line("/// <param name=\"client\">The dstack client: its server, token and project.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels finding the endpoint.</param>");
        writer.Line("/// <returns>An <c>IChatClient</c> that calls the model through dstack.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"client\"/> is null.</exception>");
        writer.Open($"public static async global::System.Threading.Tasks.Task<global::Microsoft.Extensions.AI.IChatClient> CreateIChatClientAsync({ClientParameters})");
        writer.Line($"{OpenAIChatClient} chatClient = await CreateChatClientAsync(client, cancellationToken).ConfigureAwait(false);");
        writer.Line("return global::Microsoft.Extensions.AI.OpenAIClientExtensions.AsIChatClient(chatClient);");
        writer.Close();
    }
}
