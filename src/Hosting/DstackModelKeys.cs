namespace Dstack.UrlGen.Hosting;

/// <summary>
/// The service keys a model's keyed <c>IChatClient</c> and OpenAI <c>ChatClient</c> are registered under, in this
/// order: the run name (when the declaration names one), the model name, and the declaring type's simple name
/// (<c>Contoso.Models.Qwen</c> gives <c>Qwen</c>). Duplicates are dropped; keys compare ordinally (case matters).
/// </summary>
public static class DstackModelKeys
{
    /// <summary>The keys of <paramref name="model"/>; the first is the one its clients are built under, the others resolve to the same instances.</summary>
    /// <param name="model">A declared model (a generated <c>Info</c>, or one made by hand).</param>
    /// <returns>One to three distinct keys.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is null.</exception>
    public static IReadOnlyList<string> For(DstackModelInfo model)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        var keys = new List<string>(3);
        Add(keys, model.Run);
        Add(keys, model.ModelName);
        Add(keys, SimpleName(model.DeclaringType));
        return keys;
    }

    /// <summary>The type's name without namespace or containing types: after the last <c>.</c> or <c>+</c>.</summary>
    internal static string? SimpleName(string? declaringType)
    {
        if (string.IsNullOrWhiteSpace(declaringType))
        {
            return null;
        }

        int last = declaringType!.LastIndexOfAny(new[] { '.', '+' });
        return last < 0 ? declaringType : declaringType.Substring(last + 1);
    }

    private static void Add(List<string> keys, string? key)
    {
        if (!string.IsNullOrWhiteSpace(key) && !keys.Contains(key!, StringComparer.Ordinal))
        {
            keys.Add(key!);
        }
    }
}
