using Dstack.UrlGen.Generator.Diagnostics;
using Dstack.UrlGen.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>DSTK0108–DSTK0113: the project's dstack configurations, at their file and line, and declarations checked against them.</summary>
public class DstackConfigurationAnalyzerTests
{
    private const string Qwen36 = "type: service\nname: qwen36\nport: 8000\nmodel: Qwen/Qwen3.6-27B\n";

    private static Task Verify(string source, (string Path, string Text)[] files, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<DstackConfigurationAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = source,
        };

        foreach ((string path, string text) in files)
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(DstackUrl).Assembly.Location));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    [Fact]
    public Task Valid_configurations_and_a_matching_declaration_are_silent() => Verify(
        """
        using Dstack.UrlGen;
        [DstackModel("Qwen/Qwen3.6-27B", Run = "qwen36")]
        public static partial class Qwen { }
        [DstackModel("other/model")]
        public static partial class ByName { }
        """,
        [
            ("/repo/qwen36.dstack.yml", Qwen36),
            ("/repo/train.dstack.yml", "type: task\nname: Not_Checked\ncommands: [python train.py]\n"),
            ("/repo/notes.yml", "this: [is not: dstack\n"),
        ]);

    [Fact]
    public Task Invalid_yaml_is_reported_at_its_file_and_line() => Verify(
        "public static class Program { }",
        [("/repo/broken.dstack.yml", "type: service\nname: qwen36\nmodel: 'unclosed\n")],
        Diagnostic(DiagnosticDescriptors.ConfigurationNotYaml)
            .WithSpan("/repo/broken.dstack.yml", 3, 8, 4, 1)
            .WithArguments("broken.dstack.yml", "While scanning a quoted scalar, found unexpected end of stream."));

    [Fact]
    public Task An_invalid_run_name_is_reported_at_the_name() => Verify(
        "public static class Program { }",
        [("/repo/qwen.dstack.yml", "type: service\nname: Qwen_36\nport: 8000\nmodel: Qwen/Qwen3.6-27B\n")],
        Diagnostic(DiagnosticDescriptors.ConfigurationInvalidRunName).WithSpan("/repo/qwen.dstack.yml", 2, 7, 2, 14).WithArguments("qwen.dstack.yml", "Qwen_36"));

    [Fact]
    public Task An_invalid_model_is_reported_at_the_key_that_is_wrong() => Verify(
        "public static class Program { }",
        [("/repo/qwen.dstack.yml", "type: service\nname: qwen36\nport: 8000\nmodel:\n  name: Qwen/Qwen3.6-27B\n  format: vllm\n")],
        Diagnostic(DiagnosticDescriptors.ConfigurationInvalidModel)
            .WithSpan("/repo/qwen.dstack.yml", 6, 11, 6, 15)
            .WithArguments("qwen.dstack.yml", "its 'format' must be 'openai' or 'tgi'"));

    [Fact]
    public Task Two_configurations_with_one_class_name_report_the_one_left_out() => Verify(
        "public static class Program { }",
        [("/repo/a/chat.dstack.yml", "type: service\nname: chat\nmodel: a/model\n"), ("/repo/b/chat.dstack.yml", "type: service\nname: chat\nmodel: b/model\n")],
        Diagnostic(DiagnosticDescriptors.DuplicateConfiguredService).WithSpan("/repo/b/chat.dstack.yml", 1, 1, 1, 1).WithArguments("chat.dstack.yml", "chat.dstack.yml", "Chat"));

    [Fact]
    public Task A_declaration_whose_run_is_configured_with_another_model_is_reported_at_the_run() => Verify(
        """
        using Dstack.UrlGen;
        [DstackModel("Qwen/Qwen3.6-35B", Run = {|#0:"qwen36"|})]
        public static partial class Qwen { }
        """,
        [("/repo/qwen36.dstack.yml", Qwen36)],
        Diagnostic(DiagnosticDescriptors.RunConfiguredWithAnotherModel).WithLocation(0).WithArguments("Qwen", "qwen36", "Qwen/Qwen3.6-35B", "qwen36.dstack.yml", "Qwen/Qwen3.6-27B"));

    [Fact]
    public Task A_declaration_whose_run_no_configuration_declares_is_reported_with_the_configured_runs() => Verify(
        """
        using Dstack.UrlGen;
        [DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = {|#0:"qwen-36"|})]
        public static partial class Qwen { }
        """,
        [("/repo/qwen36.dstack.yml", Qwen36), ("/repo/llama.dstack.yml", "type: service\nname: llama\nmodel: {name: meta/llama, format: openai}\n")],
        Diagnostic(DiagnosticDescriptors.RunNotConfigured).WithLocation(0).WithArguments("Qwen", "qwen-36", "llama, qwen36"));

    [Fact]
    public Task Without_service_configurations_a_run_is_not_checked() => Verify(
        """
        using Dstack.UrlGen;
        [DstackModel("Qwen/Qwen3.6-27B", Run = "anything")]
        public static partial class Qwen { }
        """,
        [("/repo/train.dstack.yml", "type: task\nname: train\ncommands: [python train.py]\n"), ("/repo/web.dstack.yml", "type: service\nname: web\nport: 80\n")]);
}
