using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Verkstallighet.Architecture.Tests.Namespaces;
using Verkstallighet.Architecture.Tests.Support;

namespace Verkstallighet.Architecture.Tests.Domain;

/// <summary>Finds where code uses the domain: its namespaces, its words as string literals, Swedish text.</summary>
public static class DomainReferences
{
    /// <summary>The ProjectReference items of an MSBuild project file.</summary>
    public static IReadOnlyList<string> ProjectReferences(string projectXml) =>
        XDocument.Parse(projectXml).Descendants()
            .Where(element => element.Name.LocalName == "ProjectReference")
            .Select(element => (string?)element.Attribute("Include") ?? "(no Include)")
            .ToList();

    public static IReadOnlyList<DomainReference> In(IEnumerable<SourceFile> files, DomainVocabulary vocabulary) =>
        files.SelectMany(file => NamespaceUses(file).Concat(Literals(file, vocabulary))).ToList();

    /// <summary>Using directives, namespace declarations and qualified names that name a domain namespace.</summary>
    private static IEnumerable<DomainReference> NamespaceUses(SourceFile file) =>
        from node in file.Root.DescendantNodes()
        where node is NameSyntax or MemberAccessExpressionSyntax && !IsPartOfLongerName(node)
        let name = DeclaredTypes.Dotted(node)
        where DomainVocabulary.IsDomainNamespace(name)
        select new DomainReference(file.Path, SourceFile.LineOf(node), $"uses namespace {name}");

    private static IEnumerable<DomainReference> Literals(SourceFile file, DomainVocabulary vocabulary)
    {
        foreach (var (node, text) in StringTexts(file.Root))
        {
            if (vocabulary.Words.TryGetValue(text, out var constant))
            {
                yield return new DomainReference(file.Path, SourceFile.LineOf(node), $"\"{text}\" is {constant}");
            }
            else if (DomainVocabulary.IsSwedish(text))
            {
                yield return new DomainReference(file.Path, SourceFile.LineOf(node), $"Swedish text \"{text}\"");
            }
        }
    }

    /// <summary>The text of every string literal, and of the literal parts of interpolated strings.</summary>
    private static IEnumerable<(SyntaxNode Node, string Text)> StringTexts(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression)
                    || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                    yield return (literal, literal.Token.ValueText);
                    break;
                case InterpolatedStringTextSyntax part:
                    yield return (part, part.TextToken.ValueText);
                    break;
            }
        }
    }

    /// <summary>B of A.B.C is measured as part of A.B.C, not again on its own.</summary>
    private static bool IsPartOfLongerName(SyntaxNode node) => node.Parent switch
    {
        QualifiedNameSyntax qualified => qualified.Left == node || qualified.Right == node,
        AliasQualifiedNameSyntax => true,
        MemberAccessExpressionSyntax access => access.Expression == node || access.Name == node,
        _ => false,
    };
}
