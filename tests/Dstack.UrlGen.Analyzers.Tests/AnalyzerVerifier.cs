using System.Collections.Immutable;
using Dstack.UrlGen.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>
/// Runs all four usage analyzers (DSTK0001–0004) together on markup source, so each test also proves that no other
/// DSTK rule fires where it should not. Every test runs against .NET 8 and .NET 10 reference assemblies: on net10.0
/// string.Concat/Join bind to params ReadOnlySpan overloads.
/// </summary>
internal static class AnalyzerVerifier
{
    public const string Net80 = "net8.0";
    public const string Net100 = "net10.0";

    private static readonly ReferenceAssemblies Net10ReferenceAssemblies = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.12"),
        Path.Combine("ref", "net10.0"));

    /// <summary>Types the test sources share: DTOs with each JSON mapping and [DstackBaseUrl] members.</summary>
    private const string Models = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using Dstack.UrlGen;

        namespace Sample;

        public sealed class StjModel
        {
            [JsonPropertyName("name")] public string Name { get; set; } = "";
            [JsonPropertyName("base_url")] public string BaseUrl { get; set; } = "";
            [JsonPropertyName("base_url_v2")] public string Other { get; set; } = "";
        }

        public sealed class NewtonsoftModel
        {
            [Newtonsoft.Json.JsonProperty("base_url")] public string? Url { get; set; }
        }

        public sealed class NewtonsoftNamedModel
        {
            [Newtonsoft.Json.JsonProperty(PropertyName = "base_url")] public string Url { get; set; } = "";
        }

        [System.Runtime.Serialization.DataContract]
        public sealed class ContractModel
        {
            [System.Runtime.Serialization.DataMember(Name = "base_url")] public string Address { get; set; } = "";
        }

        // dstack's run JSON, service.model.base_url, as each serializer maps it: only there does a JSON base_url count.
        public sealed class StjRun { [JsonPropertyName("service")] public StjService? Service { get; set; } }
        public sealed class StjService { [JsonPropertyName("model")] public StjModel? Model { get; set; } }

        public sealed class NewtonsoftRun { [Newtonsoft.Json.JsonProperty("service")] public NewtonsoftService Service { get; set; } = new(); }
        public sealed class NewtonsoftService { [Newtonsoft.Json.JsonProperty("model")] public NewtonsoftModel? Model { get; set; } }

        public sealed class NewtonsoftNamedRun { [Newtonsoft.Json.JsonProperty(PropertyName = "service")] public List<NewtonsoftNamedService> Services { get; set; } = new(); }
        public sealed class NewtonsoftNamedService { [Newtonsoft.Json.JsonProperty(PropertyName = "model")] public NewtonsoftNamedModel[] Models { get; set; } = []; }

        [System.Runtime.Serialization.DataContract]
        public sealed class ContractRun { [System.Runtime.Serialization.DataMember(Name = "service")] public ContractService? Service { get; set; } }
        [System.Runtime.Serialization.DataContract]
        public sealed class ContractService { [System.Runtime.Serialization.DataMember(Name = "model")] public ContractModel? Model { get; set; } }

        public sealed class Marked
        {
            [DstackBaseUrl] public string Raw = "";
            [DstackBaseUrl] public const string Constant = "/proxy/models/main/";
            [DstackBaseUrl] public string Read() => Raw;
            [return: DstackBaseUrl] public string ReadReturn() => Raw;
            public bool TryRead([DstackBaseUrl] out string value) { value = Raw; return true; }
        }
        """;

    private const string Usings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Globalization;
        global using System.IO;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Text;
        global using System.Text.Json;
        global using System.Text.Json.Nodes;
        global using System.Threading.Tasks;
        global using Dstack.UrlGen;
        global using Sample;
        """;

    public static Task VerifyAsync(string framework, string source, string? editorConfig = null, params (string Path, string Text)[] moreSources)
        => VerifyAsync(framework, source, editorConfig, expected: null, moreSources);

    /// <summary>As above, with a diagnostic that markup cannot express (a severity, message arguments).</summary>
    public static Task VerifyAsync(string framework, string source, string? editorConfig, DiagnosticResult? expected, params (string Path, string Text)[] moreSources)
    {
        var test = new Test
        {
            ReferenceAssemblies = framework switch
            {
                Net80 => ReferenceAssemblies.Net.Net80,
                Net100 => Net10ReferenceAssemblies,
                _ => throw new ArgumentException($"Unknown framework '{framework}'; use {Net80} or {Net100}.", nameof(framework)),
            },
            TestCode = source,
        };

        test.TestState.Sources.Add(("/0/Models.cs", Models));
        test.TestState.Sources.Add(("/0/Usings.cs", Usings));
        foreach ((string path, string text) in moreSources)
        {
            test.TestState.Sources.Add((path, text));
        }

        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(DstackUrl).Assembly.Location));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(Newtonsoft.Json.Linq.JToken).Assembly.Location));
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
        }

        if (expected is { } result)
        {
            test.ExpectedDiagnostics.Add(result);
        }

        return test.RunAsync();
    }

    private sealed class Test : CSharpAnalyzerTest<BaseUrlJoinAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers()
            => [new BaseUrlJoinAnalyzer(), new RfcResolutionAnalyzer(), new ProxyPathAnalyzer(), new StandaloneUriAnalyzer()];
    }
}
