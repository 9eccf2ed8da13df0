using Dstack.UrlGen;

namespace AnalyzerTour;

// DSTK0105: dstack run names are lower case (^[a-z][a-z0-9-]{1,40}$); "Qwen36" is never a run.
[DstackModel("Qwen/Qwen3.6-27B", Run = "Qwen36")]
public static partial class BadRunModel
{
}
