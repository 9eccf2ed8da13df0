using Dstack.UrlGen;

namespace WebApi;

// The two models of the sample. Each is registered under its run name, its model name and its class name:
// /chat/qwen36 and /chat/Qwen reach the same client.

/// <summary>Served through dstack-server's own proxy (base_url /proxy/services/main/qwen36/v1).</summary>
[DstackModel("Qwen/Qwen3.6-27B", Run = "qwen36")]
public static partial class Qwen
{
}

/// <summary>Served through a gateway (an absolute base_url).</summary>
[DstackModel("meta-llama/Meta-Llama-3.1-70B-Instruct", Run = "llama31-gw")]
public static partial class Llama
{
}
