namespace Verkstallighet.Workflows.Access;

/// <summary>
/// The office an instance belongs to is engine state (a column of the instance), set at start and changed only by an
/// activity that moves the instance. Expressions read it as the variable <see cref="VariableName"/>, a mirror the
/// engine keeps; nothing from outside writes it.
/// </summary>
public static class InstanceOffice
{
    public const string VariableName = "office";

    /// <summary>The longest office name stored.</summary>
    public const int MaxLength = 200;
}
