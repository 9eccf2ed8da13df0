using System.Collections.Immutable;

namespace Dstack.UrlGen.Generator.Generation;

/// <summary>What <see cref="DstackModelParser"/> found in one <c>[DstackModel]</c> declaration.</summary>
/// <param name="Spec">The model to generate, or null when the declaration has a problem or does not bind.</param>
/// <param name="Problems">The declaration rules it breaks, in a fixed order; empty when <paramref name="Spec"/> is set.</param>
internal sealed record DstackModelDeclaration(DstackModelSpec? Spec, ImmutableArray<DeclarationProblem> Problems);
