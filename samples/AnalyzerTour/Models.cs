using Dstack.UrlGen;

namespace AnalyzerTour;

// The right way: declare the model once. The generator adds ModelName, Info and GetEndpointAsync, and with a
// compile-time BaseUrl also GetUrl(serverUrl). No diagnostics here.
[DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36")]
public static partial class Qwen
{
}

[DstackModel("Qwen/Qwen3.6-27B", Project = "main", BaseUrl = "/proxy/models/main/")]
public static partial class QwenOnServer
{
}
