using Dstack.UrlGen;

namespace WebApi;

// The two models of the sample, each registered under its keys (run name, model name, class name):
//   - Qwen comes from qwen36.dstack.yml, the service's own dstack configuration (served through dstack-server's
//     proxy, base_url /proxy/services/main/qwen36/v1). The generator makes it DstackServices.Qwen36, found by its
//     run name: /chat/qwen36, /chat/Qwen36 and the model name reach the same client.
//   - Llama is declared with the attribute, by model name alone (served through a gateway from another repository,
//     so its configuration is not here, and its run name is not fixed): found among the project's running models,
//     keyed by its model name and /chat/Llama.

/// <summary>Served through a gateway (an absolute base_url).</summary>
[DstackModel("meta-llama/Meta-Llama-3.1-70B-Instruct")]
public static partial class Llama
{
}
