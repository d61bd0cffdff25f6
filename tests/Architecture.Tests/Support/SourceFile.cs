using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Verkstallighet.Architecture.Tests.Support;

/// <summary>A C# source file by its path relative to the repository root, with its text.</summary>
public sealed class SourceFile(string path, string text)
{
    private readonly Lazy<SyntaxTree> _tree = new(() => CSharpSyntaxTree.ParseText(text, path: path));

    public string Path { get; } = path;

    public string Text { get; } = text;

    public SyntaxTree Tree => _tree.Value;

    public CompilationUnitSyntax Root => (CompilationUnitSyntax)Tree.GetRoot();

    /// <summary>The 1-based line on which <paramref name="node"/> starts.</summary>
    public static int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    public override string ToString() => Path;
}
