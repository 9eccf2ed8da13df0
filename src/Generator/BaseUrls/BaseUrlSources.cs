using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.BaseUrls;

/// <summary>
/// Answers "is this value a raw dstack base_url?" by meaning (docs/analyzers.md, "What is a base_url"): members marked
/// <c>[DstackBaseUrl]</c>, members mapped to JSON <c>base_url</c> on dstack's service model (<see cref="ServiceModelTypes"/>),
/// JSON reads by that key, values derived from those by trimming or case changes, locals every write of which is one, and
/// properties whose getter returns one. Names are matched only when <c>dstack_urlgen.match_base_url_names = true</c>
/// (<see cref="BaseUrlNames"/>). One instance per compilation context; nothing static is mutable.
/// </summary>
internal sealed partial class BaseUrlSources
{
    /// <summary>The .editorconfig key that switches on matching by name.</summary>
    public const string MatchNamesOption = "dstack_urlgen.match_base_url_names";

    private const string JsonKey = JsonNames.BaseUrl;
    private const int MaxDepth = 24;

    private readonly AnalyzerConfigOptionsProvider _options;
    private readonly Compilation _compilation;

    // Made on first use: hosts that analyze one document at a time make a context per document, and most never ask.
    // Attributes are not cached here: Roslyn keeps each symbol's attributes, and hashing symbols for a table of our own
    // cost more than reading them again. The getter table is only reached for source string properties without one.
    private ConcurrentDictionary<SyntaxTree, bool>? _matchNames;
    private ConcurrentDictionary<ISymbol, bool>? _getterMembers;
    private ServiceModelTypes? _serviceModels;
    private LocalWrites.Cache? _localWrites;

    // Cached delegates: a lambda that captures 'this' would allocate on every lookup of a hot path.
    private readonly Func<ISymbol, bool> _getterReturnsBaseUrl;
    private readonly Func<SyntaxTree, bool> _readMatchNames;

    public BaseUrlSources(Compilation compilation, AnalyzerOptions options)
    {
        _options = options.AnalyzerConfigOptionsProvider;
        _compilation = compilation;
        _getterReturnsBaseUrl = GetterReturnsBaseUrl;
        _readMatchNames = ReadMatchNames;
    }

    private ServiceModelTypes ServiceModels
        => Volatile.Read(ref _serviceModels) ?? Publish(ref _serviceModels, new ServiceModelTypes(_compilation));

    private LocalWrites.Cache LocalWriteCache
        => Volatile.Read(ref _localWrites) ?? Publish(ref _localWrites, new LocalWrites.Cache());

    private ConcurrentDictionary<SyntaxTree, bool> MatchNamesByTree
        => Volatile.Read(ref _matchNames) ?? Publish(ref _matchNames, new ConcurrentDictionary<SyntaxTree, bool>());

    private ConcurrentDictionary<ISymbol, bool> GetterMembers
        => Volatile.Read(ref _getterMembers) ?? Publish(ref _getterMembers, new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default));

    /// <summary>Keeps the first of two racing threads' values, so every caller shares one cache.</summary>
    private static T Publish<T>(ref T? field, T value)
        where T : class
        => Interlocked.CompareExchange(ref field, value, null) ?? value;

    /// <summary>
    /// True when some tree of <paramref name="compilation"/> switches on name matching. Asked only where no type that marks
    /// a base_url can be referenced, to decide whether the rules have anything to do at all.
    /// </summary>
    public bool AnyTreeMatchesNames(Compilation compilation)
    {
        if (ReadMatchNames(_options.GlobalOptions))
        {
            return true;
        }

        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (MatchNames(tree))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Names of <see cref="string"/> methods whose result is still the base_url they are called on.</summary>
    public static bool KeepsBaseUrl(string methodName) => methodName switch
    {
        "Trim" or "TrimStart" or "TrimEnd" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant"
            or "Substring" or "Replace" or "ToString" => true,
        _ => false,
    };

    /// <summary>True when <paramref name="value"/> is a string holding a raw base_url.</summary>
    public bool IsBaseUrl(IOperation value)
    {
        // A base_url is a string; the join forms hand over operands with the compiler's conversions removed.
        if (value.Type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var walk = new Walk(MatchNames(value.Syntax.SyntaxTree));
        return IsText(value, ref walk);
    }

    /// <summary>
    /// True when <paramref name="value"/> is a <see cref="Uri"/> made from a base_url (<c>new Uri(baseUrl, kind)</c>, or a
    /// local every write of which is one); <paramref name="baseUrl"/> is the base_url expression when it is inside
    /// <paramref name="value"/>.
    /// </summary>
    public bool IsUriFromBaseUrl(IOperation value, out IOperation? baseUrl)
    {
        var walk = new Walk(MatchNames(value.Syntax.SyntaxTree));
        return IsUri(value, ref walk, out baseUrl);
    }

    /// <summary>True for a field, property, parameter or method (its return value) that holds a base_url by its attributes.</summary>
    public bool IsBaseUrlMember(ISymbol symbol) => HasBaseUrlAttribute(symbol);

    private bool MatchNames(SyntaxTree tree) => MatchNamesByTree.GetOrAdd(tree, _readMatchNames);

    private bool ReadMatchNames(SyntaxTree tree) => ReadMatchNames(_options.GetOptions(tree));

    private static bool ReadMatchNames(AnalyzerConfigOptions options)
        => options.TryGetValue(MatchNamesOption, out string? value)
           && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    private bool IsText(IOperation value, ref Walk walk)
    {
        if (!walk.Enter())
        {
            return false;
        }

        try
        {
            return IsTextCore(value, ref walk);
        }
        finally
        {
            walk.Leave();
        }
    }

    private bool IsTextCore(IOperation value, ref Walk walk)
    {
        switch (value)
        {
            case IConversionOperation conversion:
                return conversion.Conversion.IsUserDefined
                    ? KnownTypes.IsString(conversion.Type) && IsJson(conversion.Operand, ref walk)
                    : IsText(conversion.Operand, ref walk);

            case IPropertyReferenceOperation property:
                return !property.Property.IsIndexer && KnownTypes.IsString(property.Type) && IsBaseUrlProperty(property.Property, walk.MatchNames);

            case IFieldReferenceOperation field:
                return KnownTypes.IsString(field.Type) && (IsBaseUrlMember(field.Field) || (walk.MatchNames && BaseUrlNames.FieldMatches(field.Field)));

            case IParameterReferenceOperation parameter:
                return KnownTypes.IsString(parameter.Type) && (IsBaseUrlMember(parameter.Parameter) || (walk.MatchNames && BaseUrlNames.Matches(parameter.Parameter.Name)));

            case ILocalReferenceOperation local:
                return KnownTypes.IsString(local.Type) && IsLocal(local, ref walk, LocalKind.Text);

            case IInvocationOperation invocation:
                return KnownTypes.IsString(invocation.Type) && IsTextInvocation(invocation, ref walk);

            case IConditionalAccessOperation conditional:
                return IsText(conditional.WhenNotNull, ref walk);

            case IConditionalAccessInstanceOperation instance:
                return instance.ConditionalReceiver() is { } receiver && IsText(receiver, ref walk);

            case ICoalesceOperation coalesce:
                return IsText(coalesce.Value, ref walk) && IsFallback(coalesce.WhenNull, ref walk);

            case IConditionalOperation { WhenFalse: not null } choice:
                return IsText(choice.WhenTrue, ref walk) && IsText(choice.WhenFalse, ref walk);

            default:
                return false;
        }
    }

    private bool IsFallback(IOperation whenNull, ref Walk walk)
    {
        IOperation fallback = whenNull.SkipConversions();
        return fallback is IThrowOperation
               || fallback.ConstantValue is { HasValue: true, Value: string or null }
               || IsStringEmpty(fallback)
               || IsText(fallback, ref walk);
    }

    private bool IsStringEmpty(IOperation operation)
        => operation is IFieldReferenceOperation { Field.Name: "Empty" } field && field.Field.ContainingType.SpecialType == SpecialType.System_String;

    private bool IsTextInvocation(IInvocationOperation invocation, ref Walk walk)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (IsBaseUrlMember(method))
        {
            return true;
        }

        if (method.ContainingType.SpecialType == SpecialType.System_String)
        {
            return !method.IsStatic && KeepsBaseUrl(method.Name) && invocation.Instance is { } text && IsText(text, ref walk);
        }

        // JSON value → string: JsonElement.GetString(), JsonNode.GetValue<string>(), ToString() on any JSON value.
        if (invocation.Instance is { } instance && KnownTypes.IsJsonValueType(instance.Type))
        {
            switch (method.Name)
            {
                case "GetString" or "GetValue" or "ToString":
                    return IsJson(instance, ref walk);
                case "Value" when method.Parameters.Length == 1:
                    // JToken.Value<string>("base_url")
                    return IsKey(invocation.Arguments[0].Value);
            }
        }

        // Newtonsoft: token.Value<string>() is an extension on IEnumerable<JToken>.
        if (method.IsExtensionMethod && method.Name == "Value" && KnownTypes.NewtonsoftLinqExtensions.Matches(method.ContainingType)
            && invocation.Arguments.Length == 1)
        {
            return IsJson(invocation.Arguments[0].Value, ref walk);
        }

        return false;
    }

    private bool IsUri(IOperation value, ref Walk walk, out IOperation? baseUrl)
    {
        baseUrl = null;
        value = value.SkipConversions();
        if (value is IObjectCreationOperation creation && KnownTypes.Uri.Matches(creation.Type)
            && creation.Constructor is { Parameters.Length: >= 1 } constructor && KnownTypes.IsString(constructor.Parameters[0].Type)
            && creation.Arguments.Length >= 1 && IsText(creation.Arguments[0].Value, ref walk))
        {
            baseUrl = creation.Arguments[0].Value;
            return true;
        }

        return value is ILocalReferenceOperation local && KnownTypes.Uri.Matches(local.Type) && IsLocal(local, ref walk, LocalKind.Uri);
    }

    private bool IsBaseUrlProperty(IPropertySymbol property, bool matchNames)
    {
        if (IsBaseUrlMember(property) || (matchNames && BaseUrlNames.Matches(property.Name)))
        {
            return true;
        }

        // Metadata properties have no getter source to read.
        return !property.DeclaringSyntaxReferences.IsEmpty && GetterMembers.GetOrAdd(property, _getterReturnsBaseUrl);
    }

    private bool GetterReturnsBaseUrl(ISymbol property)
        => GetterReturnBinder.ReturnedMember((IPropertySymbol)property) is { } returned
           && !SymbolEqualityComparer.Default.Equals(returned, property)
           && KnownTypes.IsString(returned is IFieldSymbol field ? field.Type : ((IPropertySymbol)returned).Type)
           && IsBaseUrlMember(returned);

    private bool HasBaseUrlAttribute(ISymbol symbol)
    {
        if (HasDstackBaseUrlAttribute(symbol.GetAttributes()) || IsServiceModelBaseUrl(symbol))
        {
            return true;
        }

        switch (symbol)
        {
            case IMethodSymbol method:
                return HasDstackBaseUrlAttribute(method.GetReturnTypeAttributes());
            case IPropertySymbol property:
                return (property.GetMethod is { } getter && HasDstackBaseUrlAttribute(getter.GetReturnTypeAttributes()))
                       || (property.OverriddenProperty is { } overridden && IsBaseUrlMember(overridden));
            default:
                return false;
        }
    }

    private static bool HasDstackBaseUrlAttribute(System.Collections.Immutable.ImmutableArray<AttributeData> attributes)
    {
        foreach (AttributeData attribute in attributes)
        {
            if (KnownTypes.DstackBaseUrlAttribute.Matches(attribute.AttributeClass))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A property or field mapped to JSON <c>base_url</c> counts on dstack's service model only.</summary>
    private bool IsServiceModelBaseUrl(ISymbol member)
        => member is IPropertySymbol or IFieldSymbol
           && string.Equals(JsonNames.AttributeKey(member), JsonKey, StringComparison.Ordinal)
           && member.ContainingType is { } owner
           && ServiceModels.IsServiceModel(owner);

    private enum LocalKind
    {
        Text,
        Json,
        Uri,
    }

    /// <summary>State of one question: the name option of its tree, the locals being followed (cycles) and the depth.</summary>
    private struct Walk
    {
        private List<ILocalSymbol>? _visiting;
        private int _depth;

        public Walk(bool matchNames)
        {
            MatchNames = matchNames;
            _visiting = null;
            _depth = 0;
        }

        public bool MatchNames { get; }

        public bool Enter() => ++_depth <= MaxDepth || Fail();

        public void Leave() => _depth--;

        public bool Visit(ILocalSymbol local)
        {
            List<ILocalSymbol> visiting = _visiting ??= new List<ILocalSymbol>(4);
            foreach (ILocalSymbol seen in visiting)
            {
                if (SymbolEqualityComparer.Default.Equals(seen, local))
                {
                    return false;
                }
            }

            visiting.Add(local);
            return true;
        }

        public void Unvisit(ILocalSymbol local)
        {
            List<ILocalSymbol>? visiting = _visiting;
            if (visiting is { Count: > 0 } && SymbolEqualityComparer.Default.Equals(visiting[visiting.Count - 1], local))
            {
                visiting.RemoveAt(visiting.Count - 1);
            }
        }

        private bool Fail()
        {
            _depth--;
            return false;
        }
    }
}
