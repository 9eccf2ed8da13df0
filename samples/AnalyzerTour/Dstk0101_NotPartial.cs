using Dstack.UrlGen;

namespace AnalyzerTour;

// DSTK0101 (an error outside this tour): the generator can add GetEndpointAsync & co. only to a partial type.
// Look at: the light bulb "Make the type partial" inserts `partial` right before `class`.
[DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36")]
public static class NotPartialModel
{
}
