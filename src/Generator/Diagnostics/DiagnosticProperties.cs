namespace Dstack.UrlGen.Generator.Diagnostics;

/// <summary>
/// Keys of <c>Diagnostic.Properties</c> that the analyzers set and the code fixes read, so a fix never has to
/// re-run the analysis. Spans are written "start:length" in the document's text.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>
    /// The span of the expression that is the base_url (DSTK0001, DSTK0002, DSTK0004). Absent for DSTK0002 when the
    /// resolved Uri was made from the base_url in another statement (<c>var rel = new Uri(baseUrl, …); new Uri(server, rel)</c>).
    /// </summary>
    public const string BaseUrlSpan = "BaseUrlSpan";

    /// <summary>
    /// The span of the expression that holds the server URL (DSTK0001, DSTK0002): for a join, its only run-time operand
    /// besides the base_url, when that operand comes before it; for new Uri/Uri.TryCreate, the base Uri argument.
    /// </summary>
    public const string ServerSpan = "ServerSpan";

    /// <summary>
    /// "String" when the flagged expression builds a string (the fix appends .AbsoluteUri), "Uri" when a Uri.
    /// Absent when the flagged code is neither (a StringBuilder, a FormattableString, Uri.TryCreate, an HttpClient call).
    /// </summary>
    public const string ResultType = "ResultType";

    /// <summary>"ChatCompletions" when "/chat/completions" is appended to the base_url (the fix wraps in DstackUrl.ChatCompletions).</summary>
    public const string Suffix = "Suffix";

    /// <summary>
    /// For DSTK0004: "TryCreateAbsolute" when the call is Uri.TryCreate(baseUrl, UriKind.Absolute, out _), which the fix turns into DstackUrl.Classify.
    /// For DSTK0002: "RequestUri" when the base_url is the request URI of an HttpClient call or an HttpRequestMessage
    /// (resolved against BaseAddress, so there is no ServerSpan).
    /// </summary>
    public const string Form = "Form";

    /// <summary>The <see cref="ResultType"/> value for a join that builds a string.</summary>
    public const string StringResult = "String";

    /// <summary>The <see cref="ResultType"/> value for a call that makes a Uri.</summary>
    public const string UriResult = "Uri";

    /// <summary>The <see cref="Suffix"/> value for an appended "/chat/completions".</summary>
    public const string ChatCompletionsSuffix = "ChatCompletions";

    /// <summary>The <see cref="Form"/> value (DSTK0002) for an HttpClient request or HttpRequestMessage, whose base is BaseAddress.</summary>
    public const string RequestUriForm = "RequestUri";

    /// <summary>The <see cref="Form"/> value (DSTK0004) for <c>Uri.TryCreate(baseUrl, UriKind.Absolute, out …)</c>.</summary>
    public const string TryCreateAbsoluteForm = "TryCreateAbsolute";

    /// <summary>Writes a span as the properties carry it.</summary>
    public static string Format(Microsoft.CodeAnalysis.Text.TextSpan span) => span.Start.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + span.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a span written by <see cref="Format"/>; false when absent or malformed.</summary>
    public static bool TryParse(string? value, out Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        span = default;
        if (value is null)
        {
            return false;
        }

        int colon = value.IndexOf(':');
        if (colon <= 0
            || !int.TryParse(value.Substring(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int start)
            || !int.TryParse(value.Substring(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int length))
        {
            return false;
        }

        span = new Microsoft.CodeAnalysis.Text.TextSpan(start, length);
        return true;
    }
}
