namespace Dstack.UrlGen;

/// <summary>The two forms in which dstack reports a model's <c>base_url</c>.</summary>
#if DSTACK_ANALYZER
internal
#else
public
#endif
    enum DstackUrlKind
{
    /// <summary>An absolute http(s) URL, such as a gateway's <c>https://qwen36.example.com/v1</c>; used unchanged.</summary>
    Gateway,

    /// <summary>A path relative to the dstack server, such as <c>/proxy/services/main/qwen36/v1</c>; joined to the server URL.</summary>
    Server,
}
