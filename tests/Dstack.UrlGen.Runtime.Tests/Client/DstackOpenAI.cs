using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Dstack.UrlGen.Tests.Client;

/// <summary>
/// The OpenAI SDK wiring the [DstackModel] generator emits (the runtime itself never references OpenAI):
/// model = the endpoint's model name, endpoint = the resolved URL, API key = the dstack token.
/// </summary>
internal static class DstackOpenAI
{
    public static ChatClient CreateChatClient(DstackClient client, DstackModelEndpoint endpoint)
        => new(endpoint.ModelName, new ApiKeyCredential(client.Token), new OpenAIClientOptions { Endpoint = endpoint.Url });

    public static IChatClient CreateIChatClient(DstackClient client, DstackModelEndpoint endpoint)
        => CreateChatClient(client, endpoint).AsIChatClient();
}
