namespace Dstack.UrlGen.Generator.Diagnostics;

/// <summary>Every diagnostic ID this package reports; each has a page docs/rules/{ID}.md.</summary>
internal static class DiagnosticIds
{
    public const string BaseUrlJoinedByHand = "DSTK0001";
    public const string BaseUrlResolvedAsRfcReference = "DSTK0002";
    public const string ProxyPathBuiltByHand = "DSTK0003";
    public const string BaseUrlParsedAsStandaloneUri = "DSTK0004";
    public const string TypeNotPartial = "DSTK0101";
    public const string EmptyModelName = "DSTK0102";
    public const string InvalidBaseUrl = "DSTK0103";
    public const string InvalidProjectName = "DSTK0104";
    public const string InvalidRunName = "DSTK0105";
    public const string DuplicateDeclaration = "DSTK0106";
    public const string UnsupportedTarget = "DSTK0107";
    public const string ConfigurationNotYaml = "DSTK0108";
    public const string ConfigurationInvalidRunName = "DSTK0109";
    public const string ConfigurationInvalidModel = "DSTK0110";
    public const string DuplicateConfiguredService = "DSTK0111";
    public const string RunConfiguredWithAnotherModel = "DSTK0112";
    public const string RunNotConfigured = "DSTK0113";
}
