using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Diagnostics;

/// <summary>All descriptors in one place; analyzers and the code fixes refer to these and nothing else.</summary>
internal static class DiagnosticDescriptors
{
    /// <summary>Where the rule pages live; a test checks that every help link names an existing docs/rules page.</summary>
    public const string HelpLinkBase = "https://github.com/dstack-urlgen/Dstack.UrlGen/blob/main/docs/rules/";

    private const string Usage = "Usage";
    private const string Declaration = "Declaration";

    public static readonly DiagnosticDescriptor BaseUrlJoinedByHand = Create(
        DiagnosticIds.BaseUrlJoinedByHand,
        "dstack base_url joined by hand",
        "The dstack base_url '{0}' is joined by hand; call DstackUrl.Resolve(serverUrl, baseUrl) so that gateway URLs stay unchanged and server paths keep the server's prefix",
        Usage,
        DiagnosticSeverity.Warning,
        "A dstack base_url is either an absolute gateway URL or a path relative to the dstack server. Joining it to the server URL with string operations breaks on gateway URLs and doubles or loses slashes.");

    public static readonly DiagnosticDescriptor BaseUrlResolvedAsRfcReference = Create(
        DiagnosticIds.BaseUrlResolvedAsRfcReference,
        "dstack base_url resolved as an RFC 3986 reference",
        "'{0}' resolves the dstack base_url '{1}' as an RFC 3986 reference, which drops the server's path prefix; call DstackUrl.Resolve(serverUrl, baseUrl)",
        Usage,
        DiagnosticSeverity.Warning,
        "new Uri(serverUri, baseUrl), Uri.TryCreate(serverUri, baseUrl, …) and HttpClient requests against BaseAddress resolve a path that starts with '/' against the server's host only, dropping a path prefix such as /some/prefix.");

    public static readonly DiagnosticDescriptor ProxyPathBuiltByHand = Create(
        DiagnosticIds.ProxyPathBuiltByHand,
        "dstack proxy path built by hand",
        "The dstack proxy path '{0}' is built by hand; declare the model with [DstackModel] and use its generated endpoint, or ask DstackClient for the model's base_url",
        Usage,
        DiagnosticSeverity.Info,
        "dstack decides a model's base_url (a gateway URL or /proxy/services/… or /proxy/models/…); a path built by hand breaks when the service moves behind a gateway or dstack changes the proxy layout.");

    public static readonly DiagnosticDescriptor BaseUrlParsedAsStandaloneUri = Create(
        DiagnosticIds.BaseUrlParsedAsStandaloneUri,
        "dstack base_url parsed as a stand-alone URI",
        "'{0}' parses the dstack base_url '{1}' on its own; on Linux and macOS '/proxy/…' becomes 'file:///proxy/…'. Use DstackUrl.Classify to tell the forms apart and DstackUrl.Resolve to get the URL",
        Usage,
        DiagnosticSeverity.Warning,
        "A dstack base_url may be a path relative to the server. new Uri(\"/proxy/…\") is a file:// URI on Linux and macOS and throws on Windows; as a relative Uri it still has to be resolved against the server.");

    public static readonly DiagnosticDescriptor TypeNotPartial = Create(
        DiagnosticIds.TypeNotPartial,
        "[DstackModel] type must be partial",
        "The type '{0}' has [DstackModel] but is not partial; add the 'partial' modifier so that its endpoint accessors can be generated",
        Declaration,
        DiagnosticSeverity.Error,
        "The generator adds members to the declared type, which C# allows only for partial types.");

    public static readonly DiagnosticDescriptor EmptyModelName = Create(
        DiagnosticIds.EmptyModelName,
        "[DstackModel] model name is empty",
        "The [DstackModel] on '{0}' has an empty model name; pass the model's service.model.name, such as \"Qwen/Qwen3.6-27B\"",
        Declaration,
        DiagnosticSeverity.Error,
        "The model name is how the dstack server identifies the model.");

    public static readonly DiagnosticDescriptor InvalidBaseUrl = Create(
        DiagnosticIds.InvalidBaseUrl,
        "[DstackModel] BaseUrl is invalid",
        "The BaseUrl \"{0}\" of '{1}' is refused by DstackUrl ({2}); use a gateway URL such as \"https://qwen36.example.com/v1\" or a server path such as \"/proxy/services/main/qwen36/v1\"",
        Declaration,
        DiagnosticSeverity.Error,
        "A compile-time BaseUrl is checked with the same rules DstackUrl.Resolve applies at run time.");

    public static readonly DiagnosticDescriptor InvalidProjectName = Create(
        DiagnosticIds.InvalidProjectName,
        "[DstackModel] Project name is invalid",
        "The Project \"{0}\" of '{1}' is not a valid dstack project name (1–50 letters, digits, '-' or '_')",
        Declaration,
        DiagnosticSeverity.Error,
        "dstack project names match ^[a-zA-Z0-9-_]{1,50}$.");

    public static readonly DiagnosticDescriptor InvalidRunName = Create(
        DiagnosticIds.InvalidRunName,
        "[DstackModel] Run name is invalid",
        "The Run \"{0}\" of '{1}' is not a valid dstack run name (a lower-case letter, then 1–40 lower-case letters, digits or '-')",
        Declaration,
        DiagnosticSeverity.Error,
        "dstack run names match ^[a-z][a-z0-9-]{1,40}$.");

    public static readonly DiagnosticDescriptor DuplicateDeclaration = Create(
        DiagnosticIds.DuplicateDeclaration,
        "Model declared twice",
        "The model \"{0}\" is declared by both '{1}' and '{2}' with the same project and run; keep one declaration",
        Declaration,
        DiagnosticSeverity.Warning,
        "Two declarations of the same model make two sets of accessors and two catalog entries for one endpoint.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnsupportedTarget = Create(
        DiagnosticIds.UnsupportedTarget,
        "[DstackModel] target is not supported",
        "[DstackModel] cannot be used on '{0}': {1}",
        Declaration,
        DiagnosticSeverity.Error,
        "The generator supports non-generic classes, top-level or nested only in partial types.");

    public static readonly DiagnosticDescriptor ConfigurationNotYaml = Create(
        DiagnosticIds.ConfigurationNotYaml,
        "dstack configuration is not valid YAML",
        "The dstack configuration '{0}' is not valid YAML: {1}; dstack cannot apply it, and no model class is generated from it",
        Declaration,
        DiagnosticSeverity.Error,
        "The generator reads the project's dstack configurations (*.dstack.yml, .dstack.yml) as YAML; a file that does not parse is skipped.");

    public static readonly DiagnosticDescriptor ConfigurationInvalidRunName = Create(
        DiagnosticIds.ConfigurationInvalidRunName,
        "dstack service name is not a valid run name",
        "The service in '{0}' is named \"{1}\", which dstack refuses as a run name (a lower-case letter, then 1–40 lower-case letters, digits or '-'); no model class is generated from it",
        Declaration,
        DiagnosticSeverity.Error,
        "A service's name: is its run name; dstack run names match ^[a-z][a-z0-9-]{1,40}$.");

    public static readonly DiagnosticDescriptor ConfigurationInvalidModel = Create(
        DiagnosticIds.ConfigurationInvalidModel,
        "dstack service model is invalid",
        "The model of the service in '{0}' is invalid: {1}; no model class is generated from it",
        Declaration,
        DiagnosticSeverity.Error,
        "A service's model: is a model name, or a mapping with type: chat, name, format (openai or tgi) and, for openai, an optional prefix.");

    public static readonly DiagnosticDescriptor DuplicateConfiguredService = Create(
        DiagnosticIds.DuplicateConfiguredService,
        "Two dstack configurations map to one class",
        "The dstack configurations '{0}' and '{1}' both map to the class 'DstackServices.{2}'; only '{0}' is generated; give one of them another name:",
        Declaration,
        DiagnosticSeverity.Warning,
        "Each configured service becomes the class DstackServices.{Name}, named after its name: (else its file name); two services with one name would be two classes of one name.");

    public static readonly DiagnosticDescriptor RunConfiguredWithAnotherModel = Create(
        DiagnosticIds.RunConfiguredWithAnotherModel,
        "[DstackModel] Run is configured with another model",
        "The [DstackModel] on '{0}' expects the run \"{1}\" to serve \"{2}\", but '{3}' configures that run with the model \"{4}\"; make the two agree",
        Declaration,
        DiagnosticSeverity.Warning,
        "A declaration and the project's dstack configuration that name the same run should name the same model; otherwise one of them drifted.");

    public static readonly DiagnosticDescriptor RunNotConfigured = Create(
        DiagnosticIds.RunNotConfigured,
        "[DstackModel] Run is not configured in this project",
        "The [DstackModel] on '{0}' names the run \"{1}\", which none of this project's dstack configurations declares (configured runs: {2}); fix the run name or add its configuration",
        Declaration,
        DiagnosticSeverity.Warning,
        "Reported only in projects that keep dstack configurations: there, a run the configurations do not declare is usually a typo or a renamed service.");

    // DSTK0106 compares declarations across the compilation, so it is reported at compilation end and carries that tag.
    private static DiagnosticDescriptor Create(string id, string title, string message, string category, DiagnosticSeverity severity, string description, params string[] customTags)
        => new(id, title, message, category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md", customTags: customTags);
}
