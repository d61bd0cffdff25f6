namespace Verkstallighet.Host.Security;

/// <summary>A user who signs in without a password in Development.</summary>
public sealed record DevelopmentUser(string UserName, string DisplayName, string[] Roles, string? Office);

/// <summary>The seeded users of Development. Chiefs are officers too.</summary>
public static class DevelopmentUsers
{
    public static IReadOnlyList<DevelopmentUser> All { get; } =
    [
        new("anna", "Anna Andersson, handläggare", [Security.Roles.Officer], "Stockholm City"),
        new("olle", "Olle Olsson, handläggare", [Security.Roles.Officer], "Stockholm City"),
        new("bertil", "Bertil Berg, chef", [Security.Roles.Chief, Security.Roles.Officer], "Stockholm City"),
        new("erik", "Erik Ek, handläggare", [Security.Roles.Officer], "Göteborg"),
        new("frida", "Frida Fors, chef", [Security.Roles.Chief, Security.Roles.Officer], "Göteborg"),
        new("cecilia", "Cecilia Carlsson, processägare", [Security.Roles.ProcessOwner], null),
        new("david", "David Dahl, administratör", [Security.Roles.Administrator], null),
    ];

    public static DevelopmentUser? Find(string? userName) =>
        All.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
}
