using Dstack.UrlGen;

namespace AnalyzerTour;

// DSTK0107: the generated members cannot go into a generic type…
[DstackModel("Qwen/Qwen3.6-27B", Run = "qwen36-generic")]
public static partial class GenericModel<T>
{
}

// …nor into a type nested in a container that is not partial.
public static class NotPartialContainer
{
    [DstackModel("Qwen/Qwen3.6-27B", Run = "qwen36-nested")]
    public static partial class NestedModel
    {
    }
}
