using Dstack.UrlGen;

namespace AnalyzerTour;

// DSTK0104: dstack project names are 1–50 letters, digits, '-' or '_'; a space can never match.
[DstackModel("Qwen/Qwen3.6-27B", Project = "my project")]
public static partial class BadProjectModel
{
}
