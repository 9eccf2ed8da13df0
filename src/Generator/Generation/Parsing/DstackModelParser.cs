using System.Collections.Immutable;
using Dstack.UrlGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dstack.UrlGen.Generator.Generation;

/// <summary>
/// Reads a <c>[DstackModel]</c> declaration into a <see cref="DstackModelSpec"/> and the declaration rules it breaks.
/// The generator and the DSTK01xx analyzers both call it, so a declaration the analyzers accept is exactly one
/// the generator emits code for.
/// </summary>
internal static class DstackModelParser
{
    /// <summary>The attribute's metadata name, for <c>ForAttributeWithMetadataName</c>.</summary>
    public const string AttributeMetadataName = "Dstack.UrlGen.DstackModelAttribute";

    private const string ProjectArgument = "Project";
    private const string RunArgument = "Run";
    private const string BaseUrlArgument = "BaseUrl";

    /// <summary>True when <paramref name="attributeClass"/> is <c>Dstack.UrlGen.DstackModelAttribute</c>.</summary>
    public static bool IsDstackModelAttribute(INamedTypeSymbol? attributeClass)
        => attributeClass is
        {
            Name: "DstackModelAttribute",
            ContainingType: null,
            ContainingNamespace:
            {
                Name: "UrlGen",
                ContainingNamespace: { Name: "Dstack", ContainingNamespace.IsGlobalNamespace: true },
            },
        };

    /// <summary>
    /// The type's first <c>[DstackModel]</c> in declaration order, or null. The attribute allows one use per type;
    /// when a partial type has more, the compiler reports it and only this one counts.
    /// </summary>
    public static AttributeData? FindAttribute(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (IsDstackModelAttribute(attribute.AttributeClass))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Parses the type's <c>[DstackModel]</c> declaration; null when the type has no such attribute.</summary>
    public static DstackModelDeclaration? ParseType(INamedTypeSymbol type, CancellationToken cancellationToken)
        => FindAttribute(type) is { } attribute ? Parse(type, attribute, cancellationToken) : null;

    /// <summary>
    /// Parses one declaration: the type <paramref name="type"/> with its <c>[DstackModel]</c>
    /// <paramref name="attribute"/>. Never throws for bad user code (only on cancellation).
    /// </summary>
    /// <returns>
    /// The spec when the declaration is valid; otherwise no spec and every rule it breaks, in rule-ID order.
    /// An attribute that does not bind (a compiler error already) yields neither spec nor problem for its arguments.
    /// </returns>
    public static DstackModelDeclaration Parse(INamedTypeSymbol type, AttributeData attribute, CancellationToken cancellationToken)
    {
        if (HasMissingName(type))
        {
            // Half-typed code ('partial class' with no name yet): the compiler reports it; there is nothing to add to.
            return new DstackModelDeclaration(null, ImmutableArray<DeclarationProblem>.Empty);
        }

        var problems = ImmutableArray.CreateBuilder<DeclarationProblem>();
        string? displayName = null;
        string TypeName() => displayName ??= type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        AttributeSyntax? attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        Location? typeLocation = DeclarationIdentifier(attributeSyntax?.FirstAncestorOrSelf<TypeDeclarationSyntax>()) ?? type.Locations.FirstOrDefault();

        if (FirstNonPartialDeclaration(type, cancellationToken) is { } nonPartial)
        {
            problems.Add(Problem(DiagnosticDescriptors.TypeNotPartial, DeclarationIdentifier(nonPartial) ?? typeLocation, TypeName()));
        }

        var arguments = ReadArguments(attribute);
        DstackUrlKind baseUrlKind = default;
        if (arguments.Binds)
        {
            if (!DstackNames.IsValidModelName(arguments.ModelName))
            {
                problems.Add(Problem(DiagnosticDescriptors.EmptyModelName, ArgumentLocation(attributeSyntax, null) ?? typeLocation, TypeName()));
            }

            if (arguments.BaseUrl is not null)
            {
                var scan = BaseUrlScanner.Scan(arguments.BaseUrl, serverIsHttps: false, allowInsecureHttp: true);
                baseUrlKind = scan.Kind;
                if (scan.Error != DstackUrlError.None)
                {
                    problems.Add(Problem(DiagnosticDescriptors.InvalidBaseUrl, ArgumentLocation(attributeSyntax, BaseUrlArgument) ?? typeLocation, arguments.BaseUrl, TypeName(), scan.Error.ToString()));
                }
            }

            if (arguments.Project is not null && !DstackNames.IsValidProject(arguments.Project))
            {
                problems.Add(Problem(DiagnosticDescriptors.InvalidProjectName, ArgumentLocation(attributeSyntax, ProjectArgument) ?? typeLocation, arguments.Project, TypeName()));
            }

            if (arguments.Run is not null && !DstackNames.IsValidRun(arguments.Run))
            {
                problems.Add(Problem(DiagnosticDescriptors.InvalidRunName, ArgumentLocation(attributeSyntax, RunArgument) ?? typeLocation, arguments.Run, TypeName()));
            }
        }

        foreach (string reason in UnsupportedTargetReasons(type, cancellationToken))
        {
            problems.Add(Problem(DiagnosticDescriptors.UnsupportedTarget, typeLocation, TypeName(), reason));
        }

        if (problems.Count > 0 || !arguments.Binds)
        {
            return new DstackModelDeclaration(null, problems.ToImmutable());
        }

        return new DstackModelDeclaration(CreateSpec(type, arguments, baseUrlKind), ImmutableArray<DeclarationProblem>.Empty);
    }

    private static DstackModelSpec CreateSpec(INamedTypeSymbol type, in AttributeArguments arguments, DstackUrlKind baseUrlKind)
    {
        var containing = ImmutableArray.CreateBuilder<TypeDeclarationSpec>();
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, Declaration(outer));
        }

        return new DstackModelSpec(
            CSharpNames.Namespace(type.ContainingNamespace),
            new EquatableArray<TypeDeclarationSpec>(containing.ToImmutable()),
            Declaration(type),
            CSharpNames.FullName(type),
            arguments.ModelName!,
            arguments.Project,
            arguments.Run,
            arguments.BaseUrl,
            baseUrlKind);
    }

    private static TypeDeclarationSpec Declaration(INamedTypeSymbol type)
        => new(CSharpNames.Modifiers(type), CSharpNames.Keyword(type) ?? "class", CSharpNames.Identifier(type.Name));

    /// <summary>True when the type, a containing type or a containing namespace has no valid name (a syntax error).</summary>
    private static bool HasMissingName(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (!SyntaxFacts.IsValidIdentifier(t.Name))
            {
                return true;
            }
        }

        for (INamespaceSymbol? ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (!SyntaxFacts.IsValidIdentifier(ns.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Why generated code cannot extend the type; each reason completes the DSTK0107 message.</summary>
    private static IEnumerable<string> UnsupportedTargetReasons(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.TypeKind != TypeKind.Class)
        {
            yield return "it is not a class; declare the model on a class";
        }

        if (type.TypeParameters.Length > 0)
        {
            yield return "it is generic; declare the model on a non-generic class";
        }

        if (type.IsFileLocal)
        {
            yield return "it is a file-local type, which generated code cannot extend; remove the 'file' modifier";
        }

        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            string outerName = outer.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
            if (outer.TypeParameters.Length > 0)
            {
                yield return $"it is nested in the generic type '{outerName}'; move it to a non-generic type";
            }

            if (outer.IsFileLocal)
            {
                yield return $"it is nested in the file-local type '{outerName}', which generated code cannot extend";
            }
            else if (CSharpNames.Keyword(outer) is null || FirstNonPartialDeclaration(outer, cancellationToken) is not null)
            {
                yield return $"it is nested in the non-partial type '{outerName}'; make '{outerName}' partial";
            }
        }
    }

    /// <summary>The first declaration of <paramref name="type"/> without <c>partial</c>, or null when every one has it.</summary>
    private static TypeDeclarationSyntax? FirstNonPartialDeclaration(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return declaration;
            }
        }

        return null;
    }

    private static Location? DeclarationIdentifier(TypeDeclarationSyntax? declaration) => declaration?.Identifier.GetLocation();

    /// <summary>
    /// The location of an attribute argument: the named one <paramref name="name"/>, or the constructor's model
    /// name when <paramref name="name"/> is null.
    /// </summary>
    private static Location? ArgumentLocation(AttributeSyntax? attribute, string? name)
    {
        if (attribute?.ArgumentList is not { } list)
        {
            return attribute?.GetLocation();
        }

        foreach (AttributeArgumentSyntax argument in list.Arguments)
        {
            bool matches = name is null
                ? argument.NameEquals is null
                : argument.NameEquals?.Name.Identifier.ValueText == name;
            if (matches)
            {
                return argument.Expression.GetLocation();
            }
        }

        return attribute.GetLocation();
    }

    private static AttributeArguments ReadArguments(AttributeData attribute)
    {
        if (attribute.AttributeConstructor is null
            || attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
        {
            return default;
        }

        string? project = null, run = null, baseUrl = null;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Value.Kind == TypedConstantKind.Error)
            {
                return default;
            }

            string? value = named.Value.Value as string;
            switch (named.Key)
            {
                case ProjectArgument:
                    project = value;
                    break;
                case RunArgument:
                    run = value;
                    break;
                case BaseUrlArgument:
                    baseUrl = value;
                    break;
            }
        }

        return new AttributeArguments(true, attribute.ConstructorArguments[0].Value as string, project, run, baseUrl);
    }

    private static DeclarationProblem Problem(DiagnosticDescriptor descriptor, Location? location, params string[] messageArgs)
        => new(descriptor, location, ImmutableArray.Create(messageArgs));

    /// <summary>The attribute's values; <see cref="Binds"/> is false when the compiler could not bind them.</summary>
    private readonly struct AttributeArguments
    {
        public AttributeArguments(bool binds, string? modelName, string? project, string? run, string? baseUrl)
        {
            Binds = binds;
            ModelName = modelName;
            Project = project;
            Run = run;
            BaseUrl = baseUrl;
        }

        public bool Binds { get; }

        public string? ModelName { get; }

        public string? Project { get; }

        public string? Run { get; }

        public string? BaseUrl { get; }
    }
}
