using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Verkstallighet.Architecture.Tests.Support;

namespace Verkstallighet.Architecture.Tests.Shape;

/// <summary>Finds files and members longer than a limit (issue 9: a room one can hold in one's head).</summary>
public static class CodeShape
{
    public const int MaxFileLines = 400;
    public const int MaxMemberLines = 60;

    /// <summary>Files with more than <paramref name="maxLines"/> lines.</summary>
    public static IReadOnlyList<LongFile> LongFiles(IEnumerable<SourceFile> files, int maxLines = MaxFileLines) =>
        files.Select(file => new LongFile(file.Path, LineCount(file.Text)))
            .Where(file => file.Lines > maxLines)
            .OrderByDescending(file => file.Lines)
            .ToList();

    /// <summary>
    /// Methods, constructors, finalizers, operators, accessors and local functions whose declaration
    /// (attributes to closing brace or semicolon, leading comments excluded) spans more than
    /// <paramref name="maxLines"/> lines.
    /// </summary>
    public static IReadOnlyList<LongMember> LongMembers(IEnumerable<SourceFile> files, int maxLines = MaxMemberLines) =>
        files.SelectMany(file => file.Root.DescendantNodes()
                .Where(IsMeasured)
                .Select(node => new LongMember(file.Path, SourceFile.LineOf(node), NameOf(node), LineSpan(node))))
            .Where(member => member.Lines > maxLines)
            .OrderByDescending(member => member.Lines)
            .ToList();

    /// <summary>Lines as an editor numbers them: a final line break does not start another line.</summary>
    public static int LineCount(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }
        var breaks = text.Count(c => c == '\n');
        return text.EndsWith('\n') ? breaks : breaks + 1;
    }

    private static bool IsMeasured(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax;

    private static int LineSpan(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
    }

    private static string NameOf(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => method.Identifier.Text,
        ConstructorDeclarationSyntax constructor => constructor.Identifier.Text + " (constructor)",
        DestructorDeclarationSyntax finalizer => "~" + finalizer.Identifier.Text,
        OperatorDeclarationSyntax op => "operator " + op.OperatorToken.Text,
        ConversionOperatorDeclarationSyntax conversion => "operator " + conversion.Type,
        AccessorDeclarationSyntax accessor => AccessorName(accessor),
        LocalFunctionStatementSyntax local => local.Identifier.Text + " (local function)",
        _ => node.Kind().ToString(),
    };

    private static string AccessorName(AccessorDeclarationSyntax accessor)
    {
        var owner = accessor.Parent?.Parent switch
        {
            PropertyDeclarationSyntax property => property.Identifier.Text,
            EventDeclarationSyntax @event => @event.Identifier.Text,
            IndexerDeclarationSyntax => "this[]",
            _ => "?",
        };
        return $"{owner}.{accessor.Keyword.Text}";
    }
}
