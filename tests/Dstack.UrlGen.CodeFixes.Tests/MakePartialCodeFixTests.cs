using Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

namespace Dstack.UrlGen.CodeFixes.Tests;

public class MakePartialCodeFixTests
{
    [Fact]
    public Task Partial_goes_after_the_other_modifiers()
        => Verify<MakePartialCodeFix>.FixAsync(
            """
            using Dstack.UrlGen;

            [DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36")]
            public static class {|DSTK0101:Qwen|}
            {
            }
            """,
            """
            using Dstack.UrlGen;

            [DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36")]
            public static partial class Qwen
            {
            }
            """);

    [Fact]
    public Task Partial_takes_the_indentation_of_a_type_without_modifiers()
        => Verify<MakePartialCodeFix>.FixAsync(
            """
            using Dstack.UrlGen;

            namespace Client
            {
                [DstackModel("Qwen/Qwen3.6-27B")]
                class {|DSTK0101:Qwen|}
                {
                }
            }
            """,
            """
            using Dstack.UrlGen;

            namespace Client
            {
                [DstackModel("Qwen/Qwen3.6-27B")]
                partial class Qwen
                {
                }
            }
            """);

    [Fact]
    public Task Record_gets_partial_before_the_record_keyword()
        => Verify<MakePartialCodeFix>.FixAsync(
            """
            using Dstack.UrlGen;

            [DstackModel("Qwen/Qwen3.6-27B")]
            public sealed record {|DSTK0101:Qwen|};
            """,
            """
            using Dstack.UrlGen;

            [DstackModel("Qwen/Qwen3.6-27B")]
            public sealed partial record Qwen;
            """);

    [Fact]
    public Task Declaration_in_another_file_that_lacks_partial_gets_it()
        => new DstackCodeFixTest<MakePartialCodeFix>
        {
            TestState =
            {
                Sources =
                {
                    """
                    using Dstack.UrlGen;

                    [DstackModel("Qwen/Qwen3.6-27B")]
                    public static partial class {|DSTK0101:Qwen|} { }
                    """,
                    """
                    public static class {|CS0260:Qwen|}
                    {
                        public const string Note = "hand-written part";
                    }
                    """,
                },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using Dstack.UrlGen;

                    [DstackModel("Qwen/Qwen3.6-27B")]
                    public static partial class Qwen { }
                    """,
                    """
                    public static partial class Qwen
                    {
                        public const string Note = "hand-written part";
                    }
                    """,
                },
            },
        }.RunAsync();

    [Fact]
    public Task Fix_all_makes_every_type_partial_across_documents()
        => new DstackCodeFixTest<MakePartialCodeFix>
        {
            TestState =
            {
                Sources =
                {
                    """
                    using Dstack.UrlGen;

                    [DstackModel("Qwen/Qwen3.6-27B", Run = "qwen36")]
                    internal sealed class {|DSTK0101:Qwen|} { }

                    [DstackModel("meta-llama/Llama-3.1-8B", Run = "llama")]
                    public class {|DSTK0101:Llama|} { }
                    """,
                    """
                    using Dstack.UrlGen;

                    [DstackModel("mistralai/Mistral-7B", Run = "mistral")]
                    public abstract class {|DSTK0101:Mistral|} { }
                    """,
                },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using Dstack.UrlGen;

                    [DstackModel("Qwen/Qwen3.6-27B", Run = "qwen36")]
                    internal sealed partial class Qwen { }

                    [DstackModel("meta-llama/Llama-3.1-8B", Run = "llama")]
                    public partial class Llama { }
                    """,
                    """
                    using Dstack.UrlGen;

                    [DstackModel("mistralai/Mistral-7B", Run = "mistral")]
                    public abstract partial class Mistral { }
                    """,
                },
            },
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllInDocumentIterations = 2,
            NumberOfFixAllIterations = 1,
            CodeActionEquivalenceKey = nameof(MakePartialCodeFix),
        }.RunAsync();
}
