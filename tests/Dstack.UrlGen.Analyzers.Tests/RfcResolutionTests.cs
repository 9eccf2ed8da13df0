namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>DSTK0002: a base_url resolved against the server as an RFC 3986 reference.</summary>
public class RfcResolutionTests
{
    private static Task Verify(string framework, string source) => AnalyzerVerifier.VerifyAsync(framework, source);

    [Theory, Frameworks]
    public Task New_uri_with_a_base(string framework) => Verify(framework, """
        class C
        {
            Uri M(Uri server, DstackModelEndpoint endpoint) => {|DSTK0002:new Uri(server, endpoint.BaseUrl)|};
        }
        """);

    [Theory, Frameworks]
    public Task New_uri_with_a_relative_uri_made_from_the_base_url_reports_only_the_resolution(string framework) => Verify(framework, """
        class C
        {
            Uri M(Uri server, StjModel m) => {|DSTK0002:new Uri(server, new Uri(m.BaseUrl, UriKind.Relative))|};
        }
        """);

    [Theory, Frameworks]
    public Task Uri_try_create_with_a_base(string framework) => Verify(framework, """
        class C
        {
            Uri? M(Uri server, StjModel m) => {|DSTK0002:Uri.TryCreate(server, m.BaseUrl, out var url)|} ? url : null;
        }
        """);

    [Theory, Frameworks]
    public Task Uri_try_create_with_a_local_uri_made_from_the_base_url(string framework) => Verify(framework, """
        class C
        {
            Uri? M(Uri server, StjModel m)
            {
                var relative = {|DSTK0004:new Uri(m.BaseUrl, UriKind.Relative)|};
                return {|DSTK0002:Uri.TryCreate(server, relative, out var url)|} ? url : null;
            }
        }
        """);

    [Theory, Frameworks]
    public Task Http_client_get_async(string framework) => Verify(framework, """
        class C
        {
            Task<HttpResponseMessage> M(HttpClient client, DstackModelEndpoint endpoint) => {|DSTK0002:client.GetAsync(endpoint.BaseUrl)|};
        }
        """);

    [Theory, Frameworks]
    public Task Http_client_get_string_post_put_delete(string framework) => Verify(framework, """
        class C
        {
            async Task M(HttpClient client, StjModel m, HttpContent body)
            {
                await {|DSTK0002:client.GetStringAsync(m.BaseUrl)|};
                await {|DSTK0002:client.PostAsync(m.BaseUrl, body)|};
                await {|DSTK0002:client.PutAsync(m.BaseUrl, body)|};
                await {|DSTK0002:client.DeleteAsync(m.BaseUrl)|};
            }
        }
        """);

    [Theory, Frameworks]
    public Task Http_client_json_extensions(string framework) => Verify(framework, """
        class C
        {
            async Task M(HttpClient client, StjModel m)
            {
                await {|DSTK0002:client.PostAsJsonAsync(m.BaseUrl, new { model = "x" })|};
                await {|DSTK0002:client.GetFromJsonAsync<StjModel>(m.BaseUrl)|};
            }
        }
        """);

    [Theory, Frameworks]
    public Task Http_request_message_sent_with_send_async(string framework) => Verify(framework, """
        class C
        {
            Task<HttpResponseMessage> M(HttpClient client, StjModel m)
            {
                var request = {|DSTK0002:new HttpRequestMessage(HttpMethod.Post, m.BaseUrl)|};
                return client.SendAsync(request);
            }
        }
        """);
}
