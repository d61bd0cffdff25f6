using Verkstallighet.Activities;
using System.Security.Claims;

namespace Verkstallighet.Host.Security;

public static class DevelopmentPrincipal
{
    public static ClaimsPrincipal For(DevelopmentUser user, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.UserName),
            new(ClaimTypes.Name, user.UserName),
            new("display_name", user.DisplayName),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.Office is not null)
        {
            claims.Add(new Claim(Roles.OfficeClaim, user.Office));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
