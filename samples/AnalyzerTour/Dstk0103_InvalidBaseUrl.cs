using Dstack.UrlGen;

namespace AnalyzerTour;

// DSTK0103: a compile-time BaseUrl is checked with the runtime's own rules. Look at: the message names the
// DstackUrlError (UnsupportedScheme here) and suggests "http://localhost:3000/v1".
[DstackModel("Qwen/Qwen3.6-27B", BaseUrl = "localhost:3000/v1")]
public static partial class BadBaseUrlModel
{
}
