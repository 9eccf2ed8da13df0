using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Generation;

/// <summary>
/// One reason why a <c>[DstackModel]</c> declaration cannot be generated (DSTK0101–DSTK0105, DSTK0107).
/// The analyzers report it; the generator only skips the declaration, so this is never a pipeline model.
/// </summary>
/// <param name="Descriptor">The rule that is broken.</param>
/// <param name="Location">Where to report it: the offending attribute argument or the type's name; null when unknown.</param>
/// <param name="MessageArgs">The arguments of the descriptor's message format.</param>
internal sealed record DeclarationProblem(DiagnosticDescriptor Descriptor, Location? Location, ImmutableArray<string> MessageArgs)
{
    /// <summary>The diagnostic to report for this problem.</summary>
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Location, MessageArgs.Cast<object?>().ToArray());
}
