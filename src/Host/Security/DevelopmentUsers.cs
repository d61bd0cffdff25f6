using Verkstallighet.Activities;

namespace Verkstallighet.Host.Security;

/// <summary>
/// The seeded users of Development. Chiefs are officers too, and each office has two, so the four-eyes rule can be tried
/// on a plan that a chief drafted.
/// </summary>
public static class DevelopmentUsers
{
    public static IReadOnlyList<DevelopmentUser> All { get; } =
    [
        new("anna", "Anna Andersson, handläggare", [Roles.Officer], "Stockholm City"),
        new("olle", "Olle Olsson, handläggare", [Roles.Officer], "Stockholm City"),
        new("bertil", "Bertil Berg, chef", [Roles.Chief, Roles.Officer], "Stockholm City"),
        new("karin", "Karin Kvist, chef", [Roles.Chief, Roles.Officer], "Stockholm City"),
        new("erik", "Erik Ek, handläggare", [Roles.Officer], "Göteborg"),
        new("frida", "Frida Fors, chef", [Roles.Chief, Roles.Officer], "Göteborg"),
        new("gustav", "Gustav Gran, chef", [Roles.Chief, Roles.Officer], "Göteborg"),
        new("cecilia", "Cecilia Carlsson, processägare", [Roles.ProcessOwner], null),
        new("david", "David Dahl, administratör", [Roles.Administrator], null),
    ];

    public static DevelopmentUser? Find(string? userName) =>
        All.FirstOrDefault(u => string.Equals(u.UserName, userName, StringComparison.OrdinalIgnoreCase));
}
