using Dstack.UrlGen.Generator.Tests.Infrastructure;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>
/// The catalog's <c>AddDeclaredModels</c>: written only when Dstack.UrlGen.Hosting's builder is referenced (here a
/// source stub of its contract), and passing every declared and configured model to <c>AddModels</c>.
/// </summary>
public sealed class HostingTests
{
    private const string Model = """
        namespace Contoso.App.Models
        {
            [Dstack.UrlGen.DstackModel("Qwen/Qwen3.6-27B", Run = "qwen36")]
            public static partial class Qwen
            {
            }
        }
        """;

    [Fact]
    public async Task AddDeclaredModels_registers_every_declared_and_configured_model()
    {
        const string program = """
            using System.Linq;
            using Dstack.UrlGen.Hosting;

            namespace Contoso.App
            {
                public static class Program
                {
                    private sealed class Builder : IDstackBuilder
                    {
                    }

                    public static string Run()
                    {
                        IDstackBuilder builder = new Builder();
                        IDstackBuilder returned = builder.AddDeclaredModels();
                        string nullBuilder;
                        try
                        {
                            DstackModelCatalog.AddDeclaredModels(null);
                            nullBuilder = "no exception";
                        }
                        catch (System.ArgumentNullException e)
                        {
                            nullBuilder = e.ParamName;
                        }

                        return (ReferenceEquals(builder, returned) ? "same builder" : "another builder") + " | "
                            + string.Join(", ", DstackBuilderExtensions.Added.Select(m => m.DeclaringType + "=" + m.Run)) + " | " + nullBuilder;
                    }
                }
            }
            """;
        var input = new GeneratorInput(DeclarationCases.HostingStub, Model, program)
        {
            AdditionalFiles = [("/repo/app/llama.dstack.yml", "type: service\nname: llama\nport: 8000\nmodel: meta-llama/Llama-3.1-8B-Instruct\n")],
        };

        GeneratorRun run = await GeneratorHarness.RunAsync(input);

        Assert.Equal(
            "same builder | Contoso.App.DstackServices.Llama=llama, Contoso.App.Models.Qwen=qwen36 | builder",
            ProgramRunner.EmitAndRun(run.OutputCompilation, "Contoso.App.Program"));
    }

    [Fact]
    public async Task Without_the_Hosting_builder_the_catalog_has_no_AddDeclaredModels()
    {
        GeneratorRun run = await GeneratorHarness.RunAsync(new GeneratorInput(Model));

        Assert.DoesNotContain("AddDeclaredModels", run.Sources["DstackModelCatalog.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_builder_type_without_AddModels_is_not_the_Hosting_package()
    {
        const string lookalike = "namespace Dstack.UrlGen.Hosting { public interface IDstackBuilder { } public static class DstackBuilderExtensions { } }";

        GeneratorRun run = await GeneratorHarness.RunAsync(new GeneratorInput(lookalike, Model));

        Assert.DoesNotContain("AddDeclaredModels", run.Sources["DstackModelCatalog.g.cs"], StringComparison.Ordinal);
    }
}
