using Dstack.UrlGen;

namespace QuickStart;

// Three ways a model is reached; the generator gives each class ModelName, Info, GetEndpointAsync and,
// because this project references the OpenAI SDK and Microsoft.Extensions.AI, CreateChatClientAsync/CreateIChatClientAsync.

/// <summary>Served through dstack-server's own proxy: base_url is a path such as /proxy/services/main/qwen36/v1.</summary>
[DstackModel("Qwen/Qwen3.6-27B", Run = "qwen36")]
public static partial class Qwen
{
}

/// <summary>Served through a gateway: base_url is an absolute URL, used unchanged.</summary>
[DstackModel("meta-llama/Meta-Llama-3.1-70B-Instruct", Run = "llama31-gw")]
public static partial class Llama
{
}

/// <summary>A base_url known at compile time: the compiler checks it, and no server call is needed.</summary>
[DstackModel("meta-llama/Meta-Llama-3.1-8B-Instruct", BaseUrl = "/proxy/models/main/")]
public static partial class LlamaSmall
{
}
