using Dstack.UrlGen;
using AnalyzerTour;

// Runs the flagged code next to DstackUrl on dstack's two base_url forms; no dstack server is needed.
const string Server = "https://dstack.example.com/some/prefix";
var gateway = new ServiceModel { Name = "Qwen/Qwen3.6-27B", BaseUrl = "https://qwen36.example.com/v1" };
var proxied = new ServiceModel { Name = "Qwen/Qwen3.6-27B", BaseUrl = "/proxy/models/main/" };

foreach (var model in new[] { gateway, proxied })
{
    Console.WriteLine($"base_url {model.BaseUrl}");
    Console.WriteLine($"  DSTK0001 by hand:   {Dstk0001JoinedByHand.ModelUrl(Server, model)}");
    Console.WriteLine($"  DSTK0002 by hand:   {Dstk0002RfcResolution.ModelUrl(new Uri(Server), model)}");
    Console.WriteLine($"  DSTK0004 by hand:   gateway? {Dstk0004StandaloneUri.IsGateway(model)}");
    Console.WriteLine($"  DstackUrl.Resolve:  {DstackUrl.Resolve(Server, model.BaseUrl)}");
    Console.WriteLine($"  DstackUrl.Classify: {DstackUrl.Classify(model.BaseUrl)}");
}

Console.WriteLine($"Generated: {Qwen.ModelName} (run {Qwen.Run}); {QwenOnServer.GetUrl(new Uri(Server))}");
