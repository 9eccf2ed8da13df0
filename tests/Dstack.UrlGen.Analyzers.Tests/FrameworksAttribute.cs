using System.Reflection;
using Xunit.Sdk;

namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>Runs a theory once per target framework of <see cref="AnalyzerVerifier"/> (.NET 8 and .NET 10 reference assemblies).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FrameworksAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod)
    {
        yield return [AnalyzerVerifier.Net80];
        yield return [AnalyzerVerifier.Net100];
    }
}
