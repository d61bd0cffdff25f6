using Verkstallighet.Architecture.Tests.Support;

namespace Verkstallighet.Architecture.Tests.Shape;

/// <summary>The measuring behind <see cref="CodeShapeTests"/>, on small files made here.</summary>
public class CodeShapeCheckTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a\n", 1)]
    [InlineData("a\nb", 2)]
    [InlineData("a\r\nb\r\n", 2)]
    public void Lines_are_counted_as_an_editor_numbers_them(string text, int lines) =>
        Assert.Equal(lines, CodeShape.LineCount(text));

    [Fact]
    public void A_file_over_the_limit_is_named_with_its_line_count()
    {
        var files = new[] { File("Short.cs", 3), File("Long.cs", 5) };

        var offender = Assert.Single(CodeShape.LongFiles(files, maxLines: 4));

        Assert.Equal(new LongFile("Long.cs", 5), offender);
    }

    [Fact]
    public void A_method_is_measured_from_its_attributes_to_its_closing_brace_without_its_comments()
    {
        var source = """
            class C
            {
                /// <summary>Not counted.</summary>
                [Obsolete]
                void M()
                {
                }
            }
            """;

        var member = Assert.Single(CodeShape.LongMembers([new SourceFile("C.cs", source)], maxLines: 3));

        Assert.Equal(new LongMember("C.cs", 4, "M", 4), member);
    }

    [Fact]
    public void Constructors_accessors_operators_and_local_functions_are_measured_too()
    {
        var source = """
            class C
            {
                C()
                {
                    void Local()
                    {
                    }
                }
                int P
                {
                    get
                    {
                        return 0;
                    }
                }
                public static C operator +(C a, C b)
                {
                    return a;
                }
            }
            """;

        var names = CodeShape.LongMembers([new SourceFile("C.cs", source)], maxLines: 2).Select(m => m.Name);

        Assert.Equal(
            ["C (constructor)", "Local (local function)", "P.get", "operator +"],
            names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_method_at_the_limit_passes()
    {
        var source = "class C\n{\n    void M()\n    {\n    }\n}\n";

        Assert.Empty(CodeShape.LongMembers([new SourceFile("C.cs", source)], maxLines: 3));
    }

    private static SourceFile File(string path, int lines) =>
        new(path, string.Concat(Enumerable.Repeat("// line\n", lines)));
}
