using Verkstallighet.Architecture.Tests.Support;

namespace Verkstallighet.Architecture.Tests.Shape;

/// <summary>Issue 9: no file in src/ over 400 lines except migrations, no method over 60 lines.</summary>
public class CodeShapeTests
{
    private static readonly IReadOnlyList<SourceFile> Sources = Repository.CSharpFiles("src")
        .Where(file => !IsMigration(file.Path))
        .ToList();

    [Fact]
    public void Src_holds_the_projects_source()
    {
        // Guards the two checks below against passing on an empty or wrong folder.
        Assert.Contains(Sources, file => file.Path == "src/Workflows/Runtime/InstanceStep.cs");
        Assert.Contains(Sources, file => file.Path == "src/Host/Program.cs");
        Assert.Contains(Sources, file => file.Path == "src/Activities/Roles.cs");
        Assert.DoesNotContain(Sources, file => file.Path.Contains("/obj/", StringComparison.Ordinal));
    }

    [Fact]
    public void No_file_in_src_is_over_400_lines_except_migrations()
    {
        var offenders = CodeShape.LongFiles(Sources);

        Assert.True(offenders.Count == 0,
            $"{offenders.Count} files over {CodeShape.MaxFileLines} lines:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void No_method_in_src_is_over_60_lines()
    {
        var offenders = CodeShape.LongMembers(Sources);

        Assert.True(offenders.Count == 0,
            $"{offenders.Count} methods, constructors, accessors, operators or local functions over "
            + $"{CodeShape.MaxMemberLines} lines:\n" + string.Join("\n", offenders));
    }

    private static bool IsMigration(string path) => path.Contains("/Migrations/", StringComparison.Ordinal);
}
