namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>DSTK0004: a base_url parsed on its own as a Uri.</summary>
public class StandaloneUriTests
{
    private static Task Verify(string framework, string source) => AnalyzerVerifier.VerifyAsync(framework, source);

    [Theory, Frameworks]
    public Task New_uri(string framework) => Verify(framework, """
        class C
        {
            Uri M(DstackModelEndpoint endpoint) => {|DSTK0004:new Uri(endpoint.BaseUrl)|};
        }
        """);

    [Theory, Frameworks]
    public Task New_uri_with_a_kind(string framework) => Verify(framework, """
        class C
        {
            Uri M(StjModel m) => {|DSTK0004:new Uri(m.BaseUrl, UriKind.RelativeOrAbsolute)|};
        }
        """);

    [Theory, Frameworks]
    public Task Try_create_absolute(string framework) => Verify(framework, """
        class C
        {
            bool M(StjModel m) => {|DSTK0004:Uri.TryCreate(m.BaseUrl, UriKind.Absolute, out _)|};
        }
        """);

    [Theory, Frameworks]
    public Task Try_create_relative_or_absolute_from_a_json_read(string framework) => Verify(framework, """
        class C
        {
            Uri? M(JsonElement model) => {|DSTK0004:Uri.TryCreate(model.GetProperty("base_url").GetString(), UriKind.RelativeOrAbsolute, out var url)|} ? url : null;
        }
        """);
}
