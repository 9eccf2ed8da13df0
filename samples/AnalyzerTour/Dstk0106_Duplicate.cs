using Dstack.UrlGen;

namespace AnalyzerTour;

// DSTK0106: the same model, project and run as Qwen in Models.cs. Look at: both names appear in the message;
// keep one declaration.
[DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36-chat")]
public static partial class DuplicateModel
{
}
