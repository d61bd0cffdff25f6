namespace Verkstallighet.Activities;

/// <summary>The roles of the product (DESIGN §1).</summary>
public static class Roles
{
    public const string Officer = "Officer";
    public const string Chief = "Chief";
    public const string ProcessOwner = "ProcessOwner";
    public const string Administrator = "Administrator";

    public const string OfficeClaim = "office";
}
