using Dstack.UrlGen;

namespace AnalyzerTour;

// DSTK0102: the model name is how the dstack server finds the model (service.model.name); empty matches nothing.
[DstackModel("", Project = "main")]
public static partial class EmptyNameModel
{
}
