using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Verkstallighet.Architecture.Tests.Support;

namespace Verkstallighet.Architecture.Tests.Namespaces;

/// <summary>The names of the top-level types each namespace declares, read from syntax.</summary>
public sealed class DeclaredTypes
{
    private readonly Dictionary<string, HashSet<string>> _byNamespace = new(StringComparer.Ordinal);
    private readonly HashSet<string> _enclosing = new(StringComparer.Ordinal);

    public DeclaredTypes(IEnumerable<SourceFile> files)
    {
        foreach (var file in files)
        {
            foreach (var declaration in file.Root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>())
            {
                var names = TypesOf(FullName(declaration));
                foreach (var member in declaration.Members)
                {
                    if (TypeName(member) is { } name)
                    {
                        names.Add(name);
                    }
                }
            }
        }
    }

    /// <summary>Every namespace that a file of the set declares.</summary>
    public IReadOnlyCollection<string> Namespaces => _byNamespace.Keys;

    /// <summary>A declared namespace, or one that encloses a declared namespace (A and A.B of A.B.C).</summary>
    public bool IsNamespace(string name) => _byNamespace.ContainsKey(name) || _enclosing.Contains(name);

    public bool Declares(string @namespace, string typeName) =>
        _byNamespace.TryGetValue(@namespace, out var names) && names.Contains(typeName);

    /// <summary>The dotted name of a namespace declaration, its enclosing declarations included.</summary>
    public static string FullName(BaseNamespaceDeclarationSyntax declaration) =>
        string.Join('.', declaration.AncestorsAndSelf()
            .OfType<BaseNamespaceDeclarationSyntax>()
            .Reverse()
            .Select(d => Dotted(d.Name)));

    /// <summary>A name as written, without whitespace or a <c>global::</c> prefix.</summary>
    public static string Dotted(SyntaxNode name)
    {
        var text = string.Concat(name.ToString().Where(c => !char.IsWhiteSpace(c)));
        return text.StartsWith("global::", StringComparison.Ordinal) ? text["global::".Length..] : text;
    }

    private HashSet<string> TypesOf(string @namespace)
    {
        var parts = @namespace.Split('.');
        for (var i = 1; i < parts.Length; i++)
        {
            _enclosing.Add(string.Join('.', parts[..i]));
        }
        if (!_byNamespace.TryGetValue(@namespace, out var names))
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            _byNamespace[@namespace] = names;
        }
        return names;
    }

    private static string? TypeName(MemberDeclarationSyntax member) => member switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.Text,
        DelegateDeclarationSyntax @delegate => @delegate.Identifier.Text,
        _ => null,
    };
}
