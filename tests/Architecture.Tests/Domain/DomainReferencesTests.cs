using Verkstallighet.Architecture.Tests.Support;

namespace Verkstallighet.Architecture.Tests.Domain;

/// <summary>The checks behind <see cref="EngineIndependenceTests"/>, on small files made here.</summary>
public class DomainReferencesTests
{
    private static readonly DomainVocabulary Vocabulary = DomainVocabulary.FromConstants(
        new SourceFile("Roles.cs", """
            namespace D;
            public static class Roles
            {
                public const string Officer = "Officer";
                public const string OfficeClaim = "office";
                public static readonly string NotAConstant = "Ignored";
            }
            public static class Other { public const string Elsewhere = "Elsewhere"; }
            """),
        "Roles");

    [Fact]
    public void The_vocabulary_is_the_string_constants_of_the_named_class()
    {
        Assert.Equal(
            new Dictionary<string, string> { ["Officer"] = "Roles.Officer", ["office"] = "Roles.OfficeClaim" },
            Vocabulary.Words);
    }

    [Theory]
    [InlineData("using Verkstallighet.Activities;\nnamespace E; class C { }", 1, "uses namespace Verkstallighet.Activities")]
    [InlineData("namespace E;\nclass C { Verkstallighet.Host.Api.X? _x; }", 2, "uses namespace Verkstallighet.Host.Api.X")]
    [InlineData("namespace E;\nclass C { object M() => global::Verkstallighet.Activities.Roles.Chief; }", 2,
        "uses namespace Verkstallighet.Activities.Roles.Chief")]
    [InlineData("namespace E;\nclass C { string R = \"Officer\"; }", 2, "\"Officer\" is Roles.Officer")]
    [InlineData("namespace E;\nclass C { string V = @\"office\"; }", 2, "\"office\" is Roles.OfficeClaim")]
    [InlineData("namespace E;\nclass C { string T = $\"Välj {1}\"; }", 2, "Swedish text \"Välj \"")]
    [InlineData("namespace E;\nclass C { string T = \"\"\"\n    Ärende\n    \"\"\"; }", 2, "Swedish text \"Ärende\"")]
    public void Each_kind_of_domain_knowledge_is_found_once_on_its_line(string source, int line, string what)
    {
        var reference = Assert.Single(DomainReferences.In([new SourceFile("C.cs", source)], Vocabulary));

        Assert.Equal(new DomainReference("C.cs", line, what), reference);
    }

    [Theory]
    [InlineData("namespace Verkstallighet.Workflows; class C { }")]
    [InlineData("namespace E; class C { string R = \"Officers\"; string S = \"officer\"; }")]
    [InlineData("namespace E; class C { string Office = \"x\"; } // Kontor: en kommentar är ingen text för en person")]
    [InlineData("namespace E; class C { object A => Verkstallighet.ActivitiesExtra.X; }")]
    public void Engine_words_comments_and_look_alike_names_are_not_domain_knowledge(string source) =>
        Assert.Empty(DomainReferences.In([new SourceFile("C.cs", source)], Vocabulary));

    [Fact]
    public void A_project_reference_is_listed_by_what_it_includes()
    {
        var project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="NodaTime" />
                <ProjectReference Include="..\Activities\Verkstallighet.Activities.csproj" />
              </ItemGroup>
            </Project>
            """;

        Assert.Equal([@"..\Activities\Verkstallighet.Activities.csproj"], DomainReferences.ProjectReferences(project));
    }
}
