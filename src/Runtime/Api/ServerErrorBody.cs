using System.Text;
using System.Text.Json;

namespace Dstack.UrlGen.Api;

/// <summary>
/// The error text of a failed dstack response. dstack answers <c>{"detail":[{"msg":"…","code":"…"}]}</c> for a
/// refused request and <c>{"detail":{"msg":"…","code":…}}</c> for a refused token or a missing project (both
/// seen from dstack 0.21.2); FastAPI's own errors use <c>{"detail":"…"}</c>; a proxy in front of the server may
/// send plain text or HTML. Only the messages are kept: a message never carries raw JSON.
/// </summary>
internal readonly struct ServerErrorBody
{
    /// <summary>dstack's code for a project or run that does not exist (sent with status 400).</summary>
    public const string ResourceNotExists = "resource_not_exists";

    private const int MaxLength = 300;

    private ServerErrorBody(string? message, string? code)
    {
        Message = message;
        Code = code;
    }

    /// <summary>The server's message on one line, or null when the body held none.</summary>
    public string? Message { get; }

    /// <summary>The first dstack error code, when the body had dstack's shape.</summary>
    public string? Code { get; }

    public static ServerErrorBody Parse(byte[] body, string token)
    {
        if (body.Length == 0)
        {
            return default;
        }

        if (TryParseJson(body, out var message, out var code))
        {
            return new ServerErrorBody(Clean(message, token), code);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return default;
        }

        return new ServerErrorBody(Clean(text, token), null);
    }

    private static bool TryParseJson(byte[] body, out string? message, out string? code)
    {
        message = null;
        code = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("detail", out var detail))
            {
                return false;
            }

            switch (detail.ValueKind)
            {
                case JsonValueKind.String:
                    message = detail.GetString();
                    return true;
                case JsonValueKind.Object:
                    message = MessageOf(detail);
                    code = CodeOf(detail);
                    return true;
                case JsonValueKind.Array:
                    var messages = new List<string>();
                    foreach (var item in detail.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String)
                        {
                            messages.Add(item.GetString()!);
                            continue;
                        }

                        if (item.ValueKind != JsonValueKind.Object)
                        {
                            continue;
                        }

                        if (MessageOf(item) is string msg)
                        {
                            messages.Add(msg);
                        }

                        code ??= CodeOf(item);
                    }

                    message = messages.Count == 0 ? null : string.Join("; ", messages);
                    return true;
                default:
                    // A number, a boolean or null says nothing a reader could use; the status line stands alone.
                    return true;
            }
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? MessageOf(JsonElement item)
        => item.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() : null;

    private static string? CodeOf(JsonElement item)
        => item.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;

    /// <summary>One line, bounded, and never the token (a proxy might echo the request's headers).</summary>
    private static string? Clean(string? text, string token)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (token.Length > 0)
        {
            text = text!.Replace(token, "***");
        }

        var builder = new StringBuilder(Math.Min(text!.Length, MaxLength + 1));
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
            if (builder.Length > MaxLength)
            {
                break;
            }
        }

        return builder.Length > MaxLength ? builder.ToString(0, MaxLength) + "…" : builder.ToString();
    }
}
