using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.Generator.Generation;

/// <summary>Reads the compilation-wide facts, each into a small value that stays equal while the fact does.</summary>
internal static class CompilationFacts
{
    /// <summary>True when the consumer's effective C# version has nullable annotations (8 and later).</summary>
    public static bool AllowsNullableAnnotations(ParseOptions options)
        => options is CSharpParseOptions csharp && csharp.LanguageVersion >= LanguageVersion.CSharp8;

    /// <summary>Which optional libraries the compilation references, checked by the exact members the emitter calls.</summary>
    public static LightUpFacts LightUp(Compilation compilation)
    {
        INamedTypeSymbol? chatClient = PublicType(compilation, "OpenAI.Chat.ChatClient");
        bool openAI = chatClient is not null
            && PublicType(compilation, "OpenAI.OpenAIClientOptions") is not null
            && PublicType(compilation, "System.ClientModel.ApiKeyCredential") is not null;
        bool extensionsAI = openAI && HasAsIChatClient(compilation, chatClient!);
        return new LightUpFacts(openAI, extensionsAI, HasHostingBuilder(compilation));
    }

    /// <summary>
    /// Dstack.UrlGen.Hosting is referenced: the public <c>IDstackBuilder</c> and a public static
    /// <c>DstackBuilderExtensions.AddModels(IDstackBuilder, IEnumerable&lt;DstackModelInfo&gt;)</c>, the one call
    /// the catalog's <c>AddDeclaredModels</c> makes.
    /// </summary>
    private static bool HasHostingBuilder(Compilation compilation)
    {
        INamedTypeSymbol? builder = PublicType(compilation, "Dstack.UrlGen.Hosting.IDstackBuilder");
        if (builder is not { TypeKind: TypeKind.Interface } || PublicType(compilation, "Dstack.UrlGen.Hosting.DstackBuilderExtensions") is not { } extensions)
        {
            return false;
        }

        foreach (ISymbol member in extensions.GetMembers("AddModels"))
        {
            if (member is IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, IsGenericMethod: false, Parameters.Length: 2 } method
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, builder)
                && method.Parameters[1].Type is INamedTypeSymbol { Name: "IEnumerable", TypeArguments.Length: 1 } models
                && models.TypeArguments[0] is INamedTypeSymbol { Name: "DstackModelInfo" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>MSBuild's <c>RootNamespace</c> as the build passes it (<c>build_property.RootNamespace</c>), or null.</summary>
    public static string? RootNamespaceProperty(AnalyzerConfigOptions globalOptions)
        => globalOptions.TryGetValue("build_property.RootNamespace", out string? value) ? value : null;

    /// <summary>
    /// The namespace of the catalog: MSBuild's <c>RootNamespace</c>, else the assembly name, made a valid
    /// namespace; "" for the global namespace.
    /// </summary>
    public static string RootNamespace(string? rootNamespaceProperty, string? assemblyName)
        => CSharpNames.SanitizeNamespace(string.IsNullOrWhiteSpace(rootNamespaceProperty) ? assemblyName : rootNamespaceProperty);

    private static bool HasAsIChatClient(Compilation compilation, INamedTypeSymbol chatClient)
    {
        INamedTypeSymbol? extensions = PublicType(compilation, "Microsoft.Extensions.AI.OpenAIClientExtensions");
        INamedTypeSymbol? iChatClient = PublicType(compilation, "Microsoft.Extensions.AI.IChatClient");
        if (extensions is null || iChatClient is null)
        {
            return false;
        }

        foreach (ISymbol member in extensions.GetMembers("AsIChatClient"))
        {
            if (member is IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, IsGenericMethod: false } method
                && method.Parameters.Length >= 1
                && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, chatClient)
                && method.Parameters.Skip(1).All(p => p.IsOptional)
                && SymbolEqualityComparer.Default.Equals(method.ReturnType, iChatClient))
            {
                return true;
            }
        }

        return false;
    }

    private static INamedTypeSymbol? PublicType(Compilation compilation, string metadataName)
        => compilation.GetTypeByMetadataName(metadataName) is { DeclaredAccessibility: Accessibility.Public } type ? type : null;
}
