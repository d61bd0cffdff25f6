using Verkstallighet.Architecture.Tests.Support;

namespace Verkstallighet.Architecture.Tests.Domain;

/// <summary>Issue 9, points 3 and 4: the engine in src/Workflows knows nothing of the domain or its host.</summary>
public class EngineIndependenceTests
{
    private static readonly DomainVocabulary Vocabulary =
        DomainVocabulary.FromConstants(Repository.Read("src/Activities/Roles.cs"), "Roles");

    [Fact]
    public void The_domains_words_are_read_from_its_roles()
    {
        // Guards the literal check against passing on an empty vocabulary.
        Assert.Equal("Roles.Officer", Vocabulary.Words["Officer"]);
        Assert.Equal("Roles.Chief", Vocabulary.Words["Chief"]);
        Assert.Equal("Roles.OfficeClaim", Vocabulary.Words["office"]);
    }

    [Fact]
    public void The_engine_project_references_no_other_project()
    {
        var project = Assert.Single(Directory.GetFiles(Path.Combine(Repository.Root, "src/Workflows"), "*.csproj"));

        Assert.Empty(DomainReferences.ProjectReferences(File.ReadAllText(project)));
    }

    [Fact]
    public void The_engines_source_names_no_domain_namespace_role_office_or_Swedish_text()
    {
        // Migrations are the schema's history: generated, never rewritten, their column names follow the model.
        var engine = Repository.CSharpFiles("src/Workflows")
            .Where(file => !file.Path.Contains("/Migrations/", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(engine, file => file.Path == "src/Workflows/Runtime/InstanceStep.cs");

        var references = DomainReferences.In(engine, Vocabulary);

        Assert.True(references.Count == 0,
            $"{references.Count} places in src/Workflows know the domain:\n" + string.Join("\n", references));
    }
}
