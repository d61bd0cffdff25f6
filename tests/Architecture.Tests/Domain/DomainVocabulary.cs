using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Verkstallighet.Architecture.Tests.Support;

namespace Verkstallighet.Architecture.Tests.Domain;

/// <summary>The domain's words that the engine must not know, read from the domain's own source.</summary>
public sealed class DomainVocabulary
{
    /// <summary>The namespaces of the domain and of the application that hosts it.</summary>
    public static readonly IReadOnlyList<string> Namespaces = ["Verkstallighet.Activities", "Verkstallighet.Host"];

    private DomainVocabulary(IReadOnlyDictionary<string, string> words) => Words = words;

    /// <summary>Each word, as a string literal would hold it, with the constant that defines it.</summary>
    public IReadOnlyDictionary<string, string> Words { get; }

    /// <summary>The string constants of the class <paramref name="className"/>: role names and the office claim.</summary>
    public static DomainVocabulary FromConstants(SourceFile file, string className)
    {
        var constants = file.Root.DescendantNodes()
            .OfType<ClassDeclarationSyntax>()
            .Where(c => c.Identifier.Text == className)
            .SelectMany(c => c.Members.OfType<FieldDeclarationSyntax>())
            .Where(field => field.Modifiers.Any(SyntaxKind.ConstKeyword))
            .SelectMany(field => field.Declaration.Variables)
            .Where(variable => variable.Initializer?.Value is LiteralExpressionSyntax literal
                && literal.IsKind(SyntaxKind.StringLiteralExpression))
            .ToDictionary(
                variable => ((LiteralExpressionSyntax)variable.Initializer!.Value).Token.ValueText,
                variable => $"{className}.{variable.Identifier.Text}",
                StringComparer.Ordinal);
        return new DomainVocabulary(constants);
    }

    /// <summary>Whether <paramref name="text"/> holds a letter of Swedish that English has not: text meant for a person.</summary>
    public static bool IsSwedish(string text) => text.AsSpan().IndexOfAny("åäöÅÄÖ") >= 0;

    /// <summary>Whether <paramref name="name"/> (dotted, as written) is one of the domain's namespaces or inside one.</summary>
    public static bool IsDomainNamespace(string name) =>
        Namespaces.Any(ns => name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal));
}
