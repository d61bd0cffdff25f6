using Microsoft.AspNetCore.Authorization;
using Verkstallighet.Activities;

namespace Verkstallighet.Host.Security;

/// <summary>
/// The authorization policies, one per set of roles an endpoint is for, registered once. An endpoint without one needs
/// only a signed-in user (the fallback policy); finer rules (the case's office, the task's candidate role) stay with
/// the services, which know the thing asked for.
/// </summary>
public static class Policies
{
    public const string Administrators = nameof(Administrators);

    public const string ProcessOwners = nameof(ProcessOwners);

    /// <summary>Those who edit and operate workflows: drafts, validation, the instance list and incidents.</summary>
    public const string ProcessOwnersOrAdministrators = nameof(ProcessOwnersOrAdministrators);

    /// <summary>Anyone with a role of the product: a signed-in user without one may start nothing.</summary>
    public const string AnyRole = nameof(AnyRole);

    public static AuthorizationBuilder AddVerkstallighetPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Administrators, policy => policy.RequireRole(Roles.Administrator))
        .AddPolicy(ProcessOwners, policy => policy.RequireRole(Roles.ProcessOwner))
        .AddPolicy(ProcessOwnersOrAdministrators, policy => policy.RequireRole(Roles.ProcessOwner, Roles.Administrator))
        .AddPolicy(AnyRole, policy => policy.RequireRole(Roles.Officer, Roles.Chief, Roles.ProcessOwner, Roles.Administrator));
}
