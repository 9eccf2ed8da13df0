namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>DSTK0001 in every join form (docs/analyzers.md, "Joins"), with the runtime's own DstackModelEndpoint.BaseUrl or a JSON-mapped DTO.</summary>
public class JoinFormTests
{
    private static Task Verify(string framework, string source) => AnalyzerVerifier.VerifyAsync(framework, source);

    [Theory, Frameworks]
    public Task Plus(string framework) => Verify(framework, """
        class C
        {
            string M(string server, DstackModelEndpoint endpoint) => {|DSTK0001:server + endpoint.BaseUrl|};
        }
        """);

    [Theory, Frameworks]
    public Task Plus_with_slash_and_chat_completions_is_reported_once_on_the_whole_expression(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:server + "/" + m.BaseUrl + "/chat/completions"|};
        }
        """);

    [Theory, Frameworks]
    public Task Plus_with_a_uri_operand(string framework) => Verify(framework, """
        class C
        {
            string M(Uri server, StjModel m) => {|DSTK0001:server + m.BaseUrl|};
        }
        """);

    [Theory, Frameworks]
    public Task Plus_assign(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m)
            {
                var url = server;
                {|DSTK0001:url += m.BaseUrl|};
                return url;
            }
        }
        """);

    [Theory, Frameworks]
    public Task Interpolated_string(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:$"{server}/{m.BaseUrl}"|};
        }
        """);

    [Theory, Frameworks]
    public Task Interpolated_string_with_a_path_after_the_base_url(string framework) => Verify(framework, """
        class C
        {
            string M(StjModel m) => {|DSTK0001:$"{m.BaseUrl}/models"|};
        }
        """);

    [Theory, Frameworks]
    public Task FormattableString(string framework) => Verify(framework, """
        class C
        {
            FormattableString M(string server, StjModel m) => {|DSTK0001:$"{server}{m.BaseUrl}"|};
        }
        """);

    [Theory, Frameworks]
    public Task String_create_with_an_interpolated_handler(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:string.Create(CultureInfo.InvariantCulture, $"{server}{m.BaseUrl}")|};
        }
        """);

    [Theory, Frameworks]
    public Task StringBuilder_append_interpolated(string framework) => Verify(framework, """
        class C
        {
            string M(StringBuilder sb, string server, StjModel m)
            {
                {|DSTK0001:sb.Append($"{server}{m.BaseUrl}")|};
                return sb.ToString();
            }
        }
        """);

    [Theory, Frameworks]
    public Task String_concat_two(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:string.Concat(server, m.BaseUrl)|};
        }
        """);

    [Theory, Frameworks]
    public Task String_concat_many_binds_params_array_or_span(string framework) => Verify(framework, """
        class C
        {
            string M(string server, string version, StjModel m) => {|DSTK0001:string.Concat(server, "/", m.BaseUrl, "/", version, "/")|};
        }
        """);

    [Theory, Frameworks]
    public Task String_concat_with_a_collection_expression(string framework) => Verify(framework, framework == AnalyzerVerifier.Net100
        ? """
          class C
          {
              string M(string server, StjModel m) => {|DSTK0001:string.Concat((ReadOnlySpan<string?>)[server, "/", m.BaseUrl])|};
          }
          """
        : """
          class C
          {
              string M(string server, StjModel m) => {|DSTK0001:string.Concat((string?[])[server, "/", m.BaseUrl])|};
          }
          """);

    [Theory, Frameworks]
    public Task String_concat_with_an_explicit_array(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:string.Concat(new[] { server, m.BaseUrl })|};
        }
        """);

    [Theory, Frameworks]
    public Task String_format(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:string.Format("{0}/{1}", server, m.BaseUrl)|};
        }
        """);

    [Theory, Frameworks]
    public Task String_format_with_provider_and_params(string framework) => Verify(framework, """
        class C
        {
            string M(string server, string a, string b, StjModel m)
                => {|DSTK0001:string.Format(CultureInfo.InvariantCulture, "{0} {1} {2}{3}", a, b, server, m.BaseUrl)|};
        }
        """);

    [Theory, Frameworks]
    public Task String_join_with_a_slash(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:string.Join("/", server, m.BaseUrl)|};
        }
        """);

    [Theory, Frameworks]
    public Task String_join_many_values(string framework) => Verify(framework, """
        class C
        {
            string M(string a, string b, string c, StjModel m) => {|DSTK0001:string.Join("/", a, b, c, m.BaseUrl, "v1")|};
        }
        """);

    [Theory, Frameworks]
    public Task String_join_with_a_char_separator_and_an_array(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:string.Join('/', new[] { server, m.BaseUrl })|};
        }
        """);

    [Theory, Frameworks]
    public Task StringBuilder_chain(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:new StringBuilder().Append(server).Append(m.BaseUrl)|}.ToString();
        }
        """);

    [Theory, Frameworks]
    public Task StringBuilder_consecutive_statements(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m)
            {
                var sb = new StringBuilder();
                {|DSTK0001:sb.Append(server);
                sb.Append('/');
                sb.Append(m.BaseUrl);|}
                return sb.ToString();
            }
        }
        """);

    [Theory, Frameworks]
    public Task StringBuilder_created_from_the_server_then_appended_and_returned(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m)
            {
                {|DSTK0001:var sb = new StringBuilder(server);
                sb.Append(m.BaseUrl);|}
                return sb.ToString();
            }
        }
        """);

    [Theory, Frameworks]
    public Task StringBuilder_append_format(string framework) => Verify(framework, """
        class C
        {
            void M(StringBuilder sb, string server, StjModel m) => {|DSTK0001:sb.AppendFormat("{0}{1}", server, m.BaseUrl)|};
        }
        """);

    [Theory, Frameworks]
    public Task StringBuilder_insert_at_the_start(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:new StringBuilder(m.BaseUrl).Insert(0, server)|}.ToString();
        }
        """);

    [Theory, Frameworks]
    public Task StringBuilder_append_then_append_line(string framework) => Verify(framework, """
        class C
        {
            void M(StringBuilder sb, string server, StjModel m)
            {
                {|DSTK0001:sb.Append(server).AppendLine(m.BaseUrl)|};
            }
        }
        """);

    [Theory, Frameworks]
    public Task Path_combine(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:Path.Combine(server, m.BaseUrl)|};
        }
        """);

    [Theory, Frameworks]
    public Task Path_join(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:Path.Join(server, m.BaseUrl)|};
        }
        """);

    [Theory, Frameworks]
    public Task Nested_forms_report_only_the_outer_join(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:string.Concat(server, $"{m.BaseUrl}/" + "v1")|};
        }
        """);

    [Theory, Frameworks]
    public Task Join_in_a_lambda(string framework) => Verify(framework, """
        class C
        {
            Func<StjModel, string> M(string server) => m => {|DSTK0001:server + m.BaseUrl|};
        }
        """);
}
