namespace Dstack.UrlGen.Generator.Generation;

/// <summary>The compilation-wide facts that change what is emitted for every model.</summary>
/// <param name="NullableAnnotations">The consumer's C# version is 8 or later, so <c>#nullable enable</c> may be written.</param>
/// <param name="OpenAIChatClient">The compilation has the OpenAI SDK 2.x chat client, so <c>CreateChatClientAsync</c> is emitted.</param>
/// <param name="ExtensionsAIChatClient">It also has Microsoft.Extensions.AI's OpenAI adapter, so <c>CreateIChatClientAsync</c> is emitted.</param>
internal sealed record EmitOptions(bool NullableAnnotations, bool OpenAIChatClient, bool ExtensionsAIChatClient);
