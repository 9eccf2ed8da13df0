namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>DSTK0003: a dstack proxy path built by hand from a run-time value.</summary>
public class ProxyPathTests
{
    private static Task Verify(string framework, string source) => AnalyzerVerifier.VerifyAsync(framework, source);

    [Theory, Frameworks]
    public Task Models_path_plus_a_project(string framework) => Verify(framework, """
        class C
        {
            string M(string project) => {|DSTK0003:"/proxy/models/" + project|};
        }
        """);

    [Theory, Frameworks]
    public Task Services_path_interpolated(string framework) => Verify(framework, """
        class C
        {
            string M(string server, string project, string run) => {|DSTK0003:$"{server}/proxy/services/{project}/{run}/v1"|};
        }
        """);

    [Theory, Frameworks]
    public Task Models_path_in_a_format(string framework) => Verify(framework, """
        class C
        {
            string M(string server, string project) => {|DSTK0003:string.Format("{0}/proxy/models/{1}/", server, project)|};
        }
        """);

    [Theory, Frameworks]
    public Task Services_path_without_leading_slash_split_over_a_join(string framework) => Verify(framework, """
        class C
        {
            string M(string server, string project) => {|DSTK0003:string.Join("/", server, "proxy/services", project, "qwen36")|};
        }
        """);

    [Theory, Frameworks]
    public Task Models_path_in_string_builder_statements(string framework) => Verify(framework, """
        class C
        {
            string M(string project)
            {
                var sb = new StringBuilder();
                {|DSTK0003:sb.Append("/proxy/");
                sb.Append("models/").Append(project);|}
                return sb.ToString();
            }
        }
        """);

    [Theory, Frameworks]
    public Task Proxy_path_and_base_url_in_one_join_give_both_rules(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:{|DSTK0003:server + "/proxy/models/" + m.BaseUrl|}|};
        }
        """);
}
