using Dstack.UrlGen;

namespace AnalyzerTour;

// DSTK0106: two declarations of the same model, project and run. Look at: the warning is on the second one and names
// both; keep one declaration and use it everywhere.
[DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36-canary")]
public static partial class QwenCanary
{
}

[DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36-canary")]
public static partial class DuplicateModel
{
}
