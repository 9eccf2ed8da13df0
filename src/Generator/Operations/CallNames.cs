using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Operations;

/// <summary>Short names of flagged calls for messages: "new Uri(…)", "Uri.TryCreate(…)", "HttpClient.GetAsync(…)".</summary>
internal static class CallNames
{
    public static string Describe(IOperation operation) => operation switch
    {
        IObjectCreationOperation creation => "new " + creation.Type?.Name + "(…)",
        IInvocationOperation invocation => invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name + "(…)",
        _ => operation.Syntax.ToString(),
    };
}
