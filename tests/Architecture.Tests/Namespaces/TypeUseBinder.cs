using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Verkstallighet.Architecture.Tests.Support;

namespace Verkstallighet.Architecture.Tests.Namespaces;

/// <summary>
/// Binds the names a file uses to the namespaces that declare them, by C#'s lookup order but from syntax
/// alone: the enclosing namespaces and their using directives, innermost first, then the file's and the
/// project's global using directives. A name no declared namespace holds (a local, a member, a framework
/// type) binds to nothing.
/// </summary>
public sealed class TypeUseBinder(SourceFile file, DeclaredTypes types, IReadOnlyList<string> globalUsings)
{
    public IEnumerable<NamespaceDependency> Dependencies()
    {
        var fileNamespace = file.Root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault();
        foreach (var name in file.Root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (IsNotATypeUse(name))
            {
                continue;
            }
            var enclosing = name.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault() ?? fileNamespace;
            if (enclosing is null)
            {
                continue;
            }
            var from = DeclaredTypes.FullName(enclosing);
            if (Bind(name) is { } to && to != from)
            {
                yield return new NamespaceDependency(from, to, file.Path, SourceFile.LineOf(name), name.Identifier.Text);
            }
        }
    }

    private string? Bind(SimpleNameSyntax name) => name.Parent switch
    {
        QualifiedNameSyntax qualified when qualified.Right == name => BindQualified(qualified.Left, name),
        MemberAccessExpressionSyntax access when access.Name == name => BindQualified(access.Expression, name),
        AliasQualifiedNameSyntax => null,
        _ => BindSimple(name),
    };

    /// <summary><c>Left.Name</c>, where Left may be a namespace written in full or relative to an enclosing one.</summary>
    private string? BindQualified(SyntaxNode left, SimpleNameSyntax name)
    {
        var written = DeclaredTypes.Dotted(left);
        foreach (var enclosing in EnclosingNamespaces(name).Append(""))
        {
            var candidate = enclosing.Length == 0 ? written : $"{enclosing}.{written}";
            if (types.Declares(candidate, name.Identifier.Text))
            {
                return candidate;
            }
        }
        return null;
    }

    private string? BindSimple(SimpleNameSyntax name)
    {
        var candidates = IsAttributeName(name)
            ? new[] { name.Identifier.Text, name.Identifier.Text + "Attribute" }
            : new[] { name.Identifier.Text };
        if (IsShadowedByEnclosingDeclaration(name))
        {
            return null;
        }
        foreach (var (namespaces, usings) in LookupLevels(name))
        {
            var found = namespaces.Concat(usings)
                .FirstOrDefault(ns => candidates.Any(candidate => types.Declares(ns, candidate)));
            if (found is not null)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>
    /// Innermost first: each namespace declaration's own namespace, then its using directives, then the
    /// namespaces its dotted name passes through; last the file's and the project's using directives.
    /// </summary>
    private IEnumerable<(IEnumerable<string> Namespaces, IEnumerable<string> Usings)> LookupLevels(SyntaxNode node)
    {
        foreach (var declaration in node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>())
        {
            var full = DeclaredTypes.FullName(declaration);
            var outer = declaration.Parent is BaseNamespaceDeclarationSyntax parent ? DeclaredTypes.FullName(parent) : "";
            yield return ([full], PlainUsings(declaration.Usings).Select(u => ResolveUsing(u, full)));
            foreach (var passedThrough in OuterNamespaces(full).TakeWhile(ns => ns != outer))
            {
                yield return ([passedThrough], []);
            }
        }
        yield return ([], PlainUsings(file.Root.Usings).Concat(globalUsings));
    }

    /// <summary>A using directive inside <c>namespace A.B</c> may name a namespace relative to A.B or A.</summary>
    private string ResolveUsing(string written, string declared)
    {
        var relativeTo = OuterNamespaces(declared).Prepend(declared);
        return relativeTo.Select(ns => $"{ns}.{written}").FirstOrDefault(types.IsNamespace) ?? written;
    }

    private IEnumerable<string> EnclosingNamespaces(SyntaxNode node)
    {
        var innermost = node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()
            ?? file.Root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault();
        if (innermost is null)
        {
            return [];
        }
        var full = DeclaredTypes.FullName(innermost);
        return OuterNamespaces(full).Prepend(full);
    }

    /// <summary>A.B and A for A.B.C.</summary>
    private static IEnumerable<string> OuterNamespaces(string @namespace)
    {
        for (var dot = @namespace.LastIndexOf('.'); dot > 0; dot = @namespace.LastIndexOf('.', dot - 1))
        {
            yield return @namespace[..dot];
        }
    }

    /// <summary>Namespaces imported by <c>using N;</c>: not aliases, not <c>using static</c>.</summary>
    public static IEnumerable<string> PlainUsings(IEnumerable<UsingDirectiveSyntax> usings) =>
        usings.Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None))
            .Select(u => DeclaredTypes.Dotted(u.NamespaceOrType));

    private static bool IsNotATypeUse(SimpleNameSyntax name)
    {
        var top = (SyntaxNode)name;
        while (top.Parent is NameSyntax)
        {
            top = top.Parent;
        }
        return top.Parent switch
        {
            BaseNamespaceDeclarationSyntax => true,
            UsingDirectiveSyntax u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None),
            NameEqualsSyntax or NameColonSyntax or MemberBindingExpressionSyntax => true,
            _ => false,
        };
    }

    private static bool IsAttributeName(SimpleNameSyntax name) =>
        name.Parent is AttributeSyntax attribute && attribute.Name == name;

    /// <summary>A type parameter or a nested type of an enclosing declaration hides a namespace's type.</summary>
    private static bool IsShadowedByEnclosingDeclaration(SimpleNameSyntax name)
    {
        var text = name.Identifier.Text;
        foreach (var ancestor in name.Ancestors())
        {
            var typeParameters = ancestor switch
            {
                TypeDeclarationSyntax type => type.TypeParameterList,
                MethodDeclarationSyntax method => method.TypeParameterList,
                LocalFunctionStatementSyntax local => local.TypeParameterList,
                DelegateDeclarationSyntax @delegate => @delegate.TypeParameterList,
                _ => null,
            };
            if (typeParameters?.Parameters.Any(p => p.Identifier.Text == text) == true)
            {
                return true;
            }
            if (ancestor is TypeDeclarationSyntax container && container.Members
                    .OfType<BaseTypeDeclarationSyntax>().Any(nested => nested.Identifier.Text == text))
            {
                return true;
            }
        }
        return false;
    }
}
