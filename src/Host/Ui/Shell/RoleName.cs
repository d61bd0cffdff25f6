using Verkstallighet.Activities;

namespace Verkstallighet.Host.Ui.Shell;

/// <summary>The roles as users call them.</summary>
public static class RoleName
{
    public static string Swedish(string role) => role switch
    {
        Roles.Officer => "handläggare",
        Roles.Chief => "chef",
        Roles.ProcessOwner => "processägare",
        Roles.Administrator => "administratör",
        _ => role,
    };
}
