using Verkstallighet.Architecture.Tests.Support;

namespace Verkstallighet.Architecture.Tests.Shape;

/// <summary>The style rule "one type per file, named after it", for every C# file in src/ but migrations.</summary>
public class OneTypePerFileTests
{
    // Migrations are generated in pairs (the migration and its designer) and their snapshot is named by the tool.
    private static readonly IReadOnlyList<SourceFile> Sources = Repository.CSharpFiles("src")
        .Where(file => !file.Path.Contains("/Migrations/", StringComparison.Ordinal) && !OneTypePerFile.IsGenerated(file))
        .ToList();

    [Fact]
    public void Src_holds_the_projects_source()
    {
        // Guards the check below against passing on an empty or wrong folder.
        Assert.Contains(Sources, file => file.Path == "src/Workflows/Runtime/InstanceStep.cs");
        Assert.Contains(Sources, file => file.Path == "src/Activities/Roles.cs");
        Assert.Contains(Sources, file => file.Path == "src/Host/Program.cs");
    }

    [Fact]
    public void Every_file_in_src_declares_one_type_named_after_the_file()
    {
        var offenders = OneTypePerFile.Offenders(Sources);

        Assert.True(offenders.Count == 0,
            $"{offenders.Count} files do not hold exactly one top-level type named after them:\n"
            + string.Join("\n", offenders));
    }
}
