using Verkstallighet.Activities;
using Verkstallighet.Host.Security;
using Verkstallighet.Workflows;

namespace Verkstallighet.Host.Ui.Shell;

/// <summary>Where each role starts: chiefs on their overview, officers in the inbox, owners and administrators on what they own.</summary>
public static class LandingPage
{
    public const string Inbox = "/inbox";
    public const string Chief = "/chief";
    public const string Owner = "/owner";

    public static string For(Actor actor) =>
        actor.IsInRole(Roles.Chief) ? Chief
        : actor.IsInRole(Roles.Officer) ? Inbox
        : actor.IsInRole(Roles.ProcessOwner) || actor.IsInRole(Roles.Administrator) ? Owner
        : AuthenticationExtensions.AccessDeniedPath;
}
