namespace Dstack.UrlGen.Generator.Generation;

/// <summary>Writes <c>DstackModelCatalog</c>: every declared model, and one call that checks them all at start-up.</summary>
internal static class CatalogEmitter
{
    /// <summary>The catalog's hint name.</summary>
    public const string HintName = "DstackModelCatalog.g.cs";

    /// <summary>The generated file's text.</summary>
    public static string Emit(CatalogSpec spec)
    {
        const string ModelList = "global::System.Collections.Generic.IReadOnlyList<" + EmitterShared.ModelInfo + ">";
        var writer = new IndentedWriter();
        EmitterShared.WriteHeader(writer, "Dstack.UrlGen: the catalog of the models of this project ([DstackModel] declarations and dstack service configurations).", spec.NullableAnnotations);
        EmitterShared.OpenNamespace(writer, spec.Namespace);
        writer.Line("/// <summary>Every model of this project: declared with <c>[DstackModel]</c> or configured in a dstack service configuration (<c>*.dstack.yml</c>).</summary>");
        writer.Open("internal static partial class DstackModelCatalog");
        writer.Line("/// <summary>The declared models, ordered by declaring type.</summary>");
        writer.Line($"public static {ModelList} Models {{ get; }} = new global::System.Collections.ObjectModel.ReadOnlyCollection<{EmitterShared.ModelInfo}>(new {EmitterShared.ModelInfo}[]");
        writer.Line("{");
        foreach (CatalogEntry model in spec.Models)
        {
            writer.Line("    " + EmitterShared.NewModelInfo(
                CSharpLiteral.String(model.ModelName),
                model.Project is null ? null : CSharpLiteral.String(model.Project),
                model.Run is null ? null : CSharpLiteral.String(model.Run),
                model.BaseUrl is null ? null : CSharpLiteral.String(model.BaseUrl),
                model.DeclaringType) + ",");
        }

        writer.Line("});");
        writer.Line();
        writer.Line("/// <summary>Asks the dstack server which of the declared models are running: one check per model, one clear message per model that is not.</summary>");
        writer.Line("/// <param name=\"client\">The dstack client: its server, token and project.</param>");
        writer.Line("/// <param name=\"cancellationToken\">Cancels the requests.</param>");
        writer.Line("/// <returns>The report; <c>EnsureSuccess()</c> throws listing every model that is not running.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"client\"/> is null.</exception>");
        writer.Open($"public static global::System.Threading.Tasks.Task<global::Dstack.UrlGen.DstackVerificationReport> VerifyAsync({EmitterShared.DstackClient} client, {EmitterShared.CancellationToken} cancellationToken = default)");
        EmitterShared.WriteClientNullCheck(writer);
        writer.Line("return client.VerifyAsync(Models, cancellationToken);");
        writer.Close();
        if (spec.HostingBuilder)
        {
            WriteAddDeclaredModels(writer);
        }

        writer.Close();
        EmitterShared.CloseNamespace(writer, spec.Namespace);
        return writer.ToString();
    }

    /// <summary>Written only when the project references Dstack.UrlGen.Hosting (see docs/configurations.md).</summary>
    private static void WriteAddDeclaredModels(IndentedWriter writer)
    {
        const string Builder = "global::Dstack.UrlGen.Hosting.IDstackBuilder";
        writer.Line();
        writer.Line("/// <summary>Registers every model declared in this project (<c>[DstackModel]</c> or dstack configuration), as <see cref=\"Models\"/> lists them: a keyed <c>IChatClient</c> and a keyed OpenAI <c>ChatClient</c> each.</summary>");
        writer.Line("/// <param name=\"builder\">The builder that <c>services.AddDstack(...)</c> returned.</param>");
        writer.Line("/// <returns>The same builder, for chaining.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"builder\"/> is null.</exception>");
        writer.Open($"public static {Builder} AddDeclaredModels(this {Builder} builder)");
        writer.Open("if (builder is null)");
        writer.Line("throw new global::System.ArgumentNullException(nameof(builder));");
        writer.Close();
        writer.Line();
        writer.Line("return global::Dstack.UrlGen.Hosting.DstackBuilderExtensions.AddModels(builder, Models);");
        writer.Close();
    }
}
