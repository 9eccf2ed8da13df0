namespace Dstack.UrlGen.Generator.Generation;

/// <summary>Which optional libraries the consuming compilation references.</summary>
/// <param name="OpenAIChatClient">OpenAI SDK 2.x: <c>OpenAI.Chat.ChatClient</c>, <c>OpenAI.OpenAIClientOptions</c> and <c>System.ClientModel.ApiKeyCredential</c> exist.</param>
/// <param name="ExtensionsAIChatClient">Microsoft.Extensions.AI's OpenAI adapter: <c>OpenAIClientExtensions.AsIChatClient(ChatClient)</c> exists too.</param>
/// <param name="HostingBuilder">Dstack.UrlGen.Hosting: <c>IDstackBuilder</c> and <c>DstackBuilderExtensions.AddModels</c> exist, so the catalog gets <c>AddDeclaredModels</c>.</param>
internal sealed record LightUpFacts(bool OpenAIChatClient, bool ExtensionsAIChatClient, bool HostingBuilder = false);
