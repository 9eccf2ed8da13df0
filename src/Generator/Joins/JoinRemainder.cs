using System;
using System.Collections.Generic;

namespace Dstack.UrlGen.Generator.Joins;

/// <summary>
/// Whether everything in a join other than the server and the base_url is a separator that <c>DstackUrl.Resolve</c> makes
/// redundant ("/", and "/chat/completions" when the fix wraps in <c>DstackUrl.ChatCompletions</c>). When anything else
/// takes part (another variable, a "/v1" constant, an unknown call), replacing the join with <c>Resolve(server, baseUrl)</c>
/// would drop it. Read from the same segments the analyzer judged (docs/analyzers.md, "Joins").
/// </summary>
internal static class JoinRemainder
{
    public const string ChatCompletionsPath = "chat/completions";

    /// <summary>True when the segment after the base_url is its last and is "/chat/completions".</summary>
    public static bool EndsWithChatCompletions(List<JoinSegment> segments, int baseUrl)
        => baseUrl == segments.Count - 2 && segments[baseUrl + 1].Text is { } suffix
           && (suffix == "/" + ChatCompletionsPath || suffix == ChatCompletionsPath);

    /// <summary>True when every segment but <paramref name="server"/> and <paramref name="baseUrl"/> is a separator.</summary>
    public static bool IsOnlySeparators(List<JoinSegment> segments, int server, int baseUrl, bool chatCompletionsSuffix)
    {
        int chat = 0;
        for (int i = 0; i < segments.Count; i++)
        {
            if (i == server || i == baseUrl)
            {
                continue;
            }

            if (segments[i].Text is not { } text)
            {
                return false;
            }

            string trimmed = text.Trim('/');
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (!string.Equals(trimmed, ChatCompletionsPath, StringComparison.Ordinal))
            {
                return false;
            }

            chat++;
        }

        return chat == (chatCompletionsSuffix ? 1 : 0);
    }
}
