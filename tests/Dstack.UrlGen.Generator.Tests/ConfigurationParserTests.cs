using Dstack.UrlGen.Generator.Generation.Configurations;
using Microsoft.CodeAnalysis.Text;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>Reading dstack configuration files: what becomes a service, what is ignored, what is a problem and where.</summary>
public sealed class ConfigurationParserTests
{
    private static ConfigurationParse Parse(string text, string path = "/repo/qwen36.dstack.yml")
        => ConfigurationParser.Parse(path, SourceText.From(text), CancellationToken.None);

    [Fact]
    public void The_string_form_of_model_gives_the_model_name_and_the_run_name()
    {
        var service = Parse("type: service\nname: qwen36\nport: 8000\nmodel: Qwen/Qwen3.6-27B  # a comment\n").Service;

        Assert.Equal(new ServiceConfiguration("/repo/qwen36.dstack.yml", "qwen36.dstack.yml", "qwen36", "qwen36", "Qwen/Qwen3.6-27B"), service);
    }

    [Theory]
    [InlineData("model: {type: chat, name: org/m, format: openai, prefix: /v1}")]
    [InlineData("model: {name: org/m, format: openai, prefix: /api/v2}")]
    [InlineData("model:\n  type: chat\n  name: \"org/m\"\n  format: tgi")]
    [InlineData("model:\n  name: >-\n    org/m\n  format: openai")]
    public void The_mapping_form_of_model_gives_its_name(string model)
    {
        var parse = Parse("type: service\nname: svc\nport: 80\n" + model + "\n");

        Assert.Empty(parse.Problems);
        Assert.Equal("org/m", parse.Service?.ModelName);
    }

    [Fact]
    public void Without_a_name_the_run_is_unknown_and_the_class_is_named_after_the_file()
    {
        var service = Parse("type: service\nport: 80\nmodel: org/m\n", "/repo/deploy/llama-3-8b.dstack.yml").Service;

        Assert.NotNull(service);
        Assert.Null(service.RunName);
        Assert.Equal("llama-3-8b", service.BaseName);
        Assert.Equal("Llama_3_8b", ConfiguredServices.ClassName(service.BaseName));
    }

    [Fact]
    public void A_bare_dstack_yml_is_named_after_its_folder()
    {
        var service = Parse("type: service\nport: 80\nmodel: org/m\n", "/repo/gemma/.dstack.yml").Service;

        Assert.Equal("gemma", service?.BaseName);
        Assert.Equal("gemma/.dstack.yml", service?.DisplayName);
    }

    [Fact]
    public void Anchors_aliases_merge_keys_and_flow_mappings_are_read()
    {
        var parse = Parse("""
            base: &base {type: service, port: 8000}
            <<: *base
            name: &n "merged"
            model: {name: *n, format: openai}
            """);

        Assert.Empty(parse.Problems);
        Assert.Equal(("merged", "merged"), (parse.Service?.RunName, parse.Service?.ModelName));
    }

    [Theory]
    [InlineData("type: task\nname: train\ncommands: [python train.py]\n")]
    [InlineData("type: dev-environment\nname: ide\nide: vscode\n")]
    [InlineData("type: fleet\nname: gpus\nnodes: 2\n")]
    [InlineData("type: service\nname: web\nport: 80\n")]
    [InlineData("type: service\nname: web\nport: 80\nmodel:\n")]
    [InlineData("type: service\nname: web\nport: 80\nmodel: null\n")]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("- a\n- list\n")]
    public void Tasks_dev_environments_fleets_and_services_without_a_model_are_ignored(string text)
    {
        var parse = Parse(text);

        Assert.Null(parse.Service);
        Assert.Empty(parse.Problems);
    }

    [Fact]
    public void Invalid_yaml_is_a_problem_at_its_line()
    {
        var parse = Parse("type: service\nname: qwen36\nmodel: [unclosed\nport: 80\n");

        Assert.Null(parse.Service);
        ConfigurationProblem problem = Assert.Single(parse.Problems);
        Assert.Equal(ConfigurationProblemKind.InvalidYaml, problem.Kind);
        Assert.InRange(problem.StartLine, 2, 4);
        Assert.DoesNotContain("(Line:", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_is_invalid_yaml()
    {
        var problem = Assert.Single(Parse("type: service\nname: a\nname: b\nmodel: m\n").Problems);

        Assert.Equal(ConfigurationProblemKind.InvalidYaml, problem.Kind);
    }

    [Theory]
    [InlineData("Qwen36")]
    [InlineData("q")]
    [InlineData("9lives")]
    [InlineData("has_underscore")]
    public void An_invalid_run_name_is_a_problem_at_the_name(string name)
    {
        var parse = Parse($"type: service\nname: {name}\nport: 80\nmodel: org/m\n");

        Assert.Null(parse.Service);
        ConfigurationProblem problem = Assert.Single(parse.Problems);
        Assert.Equal((ConfigurationProblemKind.InvalidRunName, name, 1, 6, 1, 6 + name.Length), (problem.Kind, problem.Detail, problem.StartLine, problem.StartColumn, problem.EndLine, problem.EndColumn));
        string text = $"type: service\nname: {name}\nport: 80\nmodel: org/m\n";
        Assert.Equal(name, text.Substring(problem.Start, problem.End - problem.Start));
    }

    [Theory]
    [InlineData("model: \"\"", "empty")]
    [InlineData("model: [a, b]", "list")]
    [InlineData("model: {format: openai}", "no 'name'")]
    [InlineData("model: {name: org/m}", "no 'format'")]
    [InlineData("model: {name: org/m, format: vllm}", "'format' must be")]
    [InlineData("model: {type: embeddings, name: org/m, format: openai}", "'type' must be 'chat'")]
    [InlineData("model: {name: org/m, format: openai, prefix: [v1]}", "'prefix'")]
    public void An_invalid_model_is_a_problem(string model, string detail)
    {
        var parse = Parse("type: service\nname: svc\nport: 80\n" + model + "\n");

        Assert.Null(parse.Service);
        ConfigurationProblem problem = Assert.Single(parse.Problems);
        Assert.Equal(ConfigurationProblemKind.InvalidModel, problem.Kind);
        Assert.Contains(detail, problem.Detail, StringComparison.Ordinal);
        Assert.Equal(3, problem.StartLine);
    }

    [Fact]
    public void Parsing_the_same_text_twice_gives_equal_values()
    {
        const string text = "type: service\nname: svc\nmodel: {name: m, format: openai}\n";

        Assert.Equal(Parse(text), Parse(text));
        Assert.Equal(Parse("type: service\nname: Bad\nmodel: m\n"), Parse("type: service\nname: Bad\nmodel: m\n"));
    }

    [Theory]
    [InlineData("qwen36", "Qwen36")]
    [InlineData("llama-3-8b", "Llama_3_8b")]
    [InlineData("gemma-3", "Gemma_3")]
    [InlineData("my.service_v2", "MyServiceV2")]
    [InlineData("3d-model", "_3dModel")]
    [InlineData("---", "Service")]
    [InlineData("dstack-services", "DstackServices_")]
    public void Class_names_are_pascal_case_identifiers(string baseName, string className)
        => Assert.Equal(className, ConfiguredServices.ClassName(baseName));

    [Theory]
    [InlineData("/r/qwen36.dstack.yml", true)]
    [InlineData("/r/.dstack.yml", true)]
    [InlineData(@"C:\r\QWEN.DSTACK.YML", true)]
    [InlineData("/r/dstack.yml", false)]
    [InlineData("/r/qwen36.dstack.yaml", false)]
    [InlineData("/r/config.yml", false)]
    public void Only_dstack_yml_files_are_configurations(string path, bool expected)
        => Assert.Equal(expected, ConfigurationFiles.IsConfiguration(path));

    [Fact]
    public void One_file_passed_twice_is_one_service_and_no_duplicate()
    {
        ServiceConfiguration once = Parse("type: service\nname: chat\nmodel: a\n", "/r/.dstack.yml").Service!;
        ServiceConfiguration twice = Parse("type: service\nname: chat\nmodel: a\n", "/r/.dstack.yml").Service!;

        Assert.Equal([new ConfiguredService("Chat", once)], ConfiguredServices.Resolve([once, twice]));
        Assert.Empty(ConfiguredServices.Duplicates([once, twice]));
    }

    [Fact]
    public void Two_configurations_with_one_class_name_keep_the_first_by_path()
    {
        ServiceConfiguration b = Parse("type: service\nname: chat\nmodel: b\n", "/r/b/chat.dstack.yml").Service!;
        ServiceConfiguration a = Parse("type: service\nname: chat\nmodel: a\n", "/r/a/chat.dstack.yml").Service!;

        Assert.Equal([new ConfiguredService("Chat", a)], ConfiguredServices.Resolve([b, a]));
        Assert.Equal([new DuplicateService("Chat", a, b)], ConfiguredServices.Duplicates([b, a]));
    }
}
