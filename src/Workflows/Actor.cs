namespace Verkstallighet.Workflows;

/// <summary>Who is doing something: a user id, their roles and their office. The engine itself acts as <see cref="System"/>.</summary>
public sealed record Actor(string UserId, IReadOnlySet<string> Roles, string? Office)
{
    public static Actor System { get; } = new("system", new HashSet<string>(), null);

    public bool IsInRole(string role) => Roles.Contains(role);
}
