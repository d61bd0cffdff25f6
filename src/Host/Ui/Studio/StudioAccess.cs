using Verkstallighet.Activities;
using Verkstallighet.Workflows;

namespace Verkstallighet.Host.Ui.Studio;

/// <summary>Who changes workflows in Studio: process owners and administrators, as the definitions API's policy says.</summary>
public static class StudioAccess
{
    public static bool CanEdit(Actor actor) => actor.IsInRole(Roles.ProcessOwner) || actor.IsInRole(Roles.Administrator);
}
