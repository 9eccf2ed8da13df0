using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Dstack.UrlGen.CodeFixes;

/// <summary>
/// Decides whether everything in a hand-built join other than the server and the base_url is a separator that
/// <c>DstackUrl.Resolve</c> makes redundant ("/", and "/chat/completions" when the fix wraps in
/// <c>DstackUrl.ChatCompletions</c>). When anything else takes part (another variable, a "/v1" constant, an unknown
/// call), replacing the join with <c>Resolve(server, baseUrl)</c> would drop it, so the fix is not offered.
/// </summary>
internal static class JoinRemainder
{
    private const string ChatCompletions = "chat/completions";

    private static readonly Regex FormatPlaceholder = new(@"\{\d+(,-?\d+)?(:[^{}]*)?\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Types whose calls and constructors only shape the join itself.</summary>
    private static readonly string[] JoinTypes =
    {
        "System.String",
        "System.Uri",
        "System.IO.Path",
        "System.Text.StringBuilder",
        "System.FormattableString",
        "System.Runtime.CompilerServices.FormattableStringFactory",
    };

    public static bool IsOnlySeparators(IOperation join, TextSpan server, TextSpan baseUrl, bool chatCompletionsSuffix)
    {
        var state = new State(server, baseUrl);
        return Visit(join, state) && state.ChatCompletionsCount == (chatCompletionsSuffix ? 1 : 0);
    }

    private static bool Visit(IOperation operation, State state)
    {
        var span = operation.Syntax.Span;
        if (state.Server.Contains(span) || state.BaseUrl.Contains(span))
        {
            return true;
        }

        if (operation.ConstantValue.HasValue)
        {
            return IsSeparatorConstant(operation, state);
        }

        if (!IsStructural(operation))
        {
            return false;
        }

        foreach (var child in Children(operation))
        {
            if (!Visit(child, state))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The operations that carry parts of the join; array sizes and handler bookkeeping (lengths, the handler instance) do not.</summary>
    private static IEnumerable<IOperation> Children(IOperation operation)
    {
        switch (operation)
        {
            case IArrayCreationOperation array:
                return array.Initializer is null ? Enumerable.Empty<IOperation>() : new IOperation[] { array.Initializer };
            case IInterpolatedStringHandlerCreationOperation handler:
                return new[] { handler.Content };
            case IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation call }:
                return call.Arguments;
            default:
                return operation.ChildOperations;
        }
    }

    private static bool IsStructural(IOperation operation)
    {
        switch (operation)
        {
            case IBinaryOperation binary:
                return binary.OperatorKind == BinaryOperatorKind.Add;
            case ICompoundAssignmentOperation compound:
                return compound.OperatorKind == BinaryOperatorKind.Add;
            case IInvocationOperation invocation:
                return IsJoinType(invocation.TargetMethod.ContainingType) || invocation.TargetMethod.Name == nameof(ToString);
            case IObjectCreationOperation creation:
                return IsJoinType(creation.Type);
            case IPropertyReferenceOperation property:
                // string.Format(CultureInfo.InvariantCulture, …) and string.Create(provider, …) name a culture, not a URL part.
                return TypeNames.Is(property.Property.ContainingType, "System.Globalization.CultureInfo");
            case IConversionOperation:
            case IParenthesizedOperation:
            case IArgumentOperation:
            case IArrayCreationOperation:
            case IArrayInitializerOperation:
            case IInterpolatedStringOperation:
            case IInterpolationOperation:
            case IInterpolatedStringTextOperation:
            case IInterpolatedStringHandlerCreationOperation:
            case IInterpolatedStringAdditionOperation:
            case IInterpolatedStringAppendOperation:
            case IInterpolatedStringHandlerArgumentPlaceholderOperation:
                return true;
            default:
                // params ReadOnlySpan<string> (C# 13) arrives as an operation kind Roslyn 4.8 does not know; its type tells.
                return IsCollectionOfParts(operation.Type);
        }
    }

    private static bool IsJoinType(ITypeSymbol? type)
        => TypeNames.Of(type) is { } name && Array.IndexOf(JoinTypes, name) >= 0;

    private static bool IsCollectionOfParts(ITypeSymbol? type)
        => type is IArrayTypeSymbol
            || (type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span", ContainingNamespace.Name: "System" } && type.ContainingNamespace.ContainingNamespace.IsGlobalNamespace);

    private static bool IsSeparatorConstant(IOperation operation, State state)
    {
        string text;
        switch (operation.ConstantValue.Value)
        {
            case null:
                return true;
            case string s:
                text = s;
                break;
            case char c:
                text = c.ToString();
                break;
            default:
                // An enum such as UriKind.Absolute shapes the call; a number could be a port or a version.
                return operation.Type?.TypeKind == TypeKind.Enum;
        }

        if (IsFormatArgument(operation))
        {
            text = FormatPlaceholder.Replace(text, string.Empty);
            if (text.IndexOf('{') >= 0 || text.IndexOf('}') >= 0)
            {
                return false;
            }
        }

        string trimmed = text.Trim('/');
        if (trimmed.Length == 0)
        {
            return true;
        }

        if (trimmed == ChatCompletions)
        {
            state.ChatCompletionsCount++;
            return true;
        }

        return false;
    }

    private static bool IsFormatArgument(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IArgumentOperation argument)
            {
                return argument.Parameter?.Name == "format";
            }

            if (current is not IConversionOperation and not IParenthesizedOperation)
            {
                return false;
            }
        }

        return false;
    }

    private sealed class State
    {
        public State(TextSpan server, TextSpan baseUrl)
        {
            Server = server;
            BaseUrl = baseUrl;
        }

        public TextSpan Server { get; }

        public TextSpan BaseUrl { get; }

        public int ChatCompletionsCount { get; set; }
    }
}
