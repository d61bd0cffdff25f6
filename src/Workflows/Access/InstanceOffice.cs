namespace Verkstallighet.Workflows.Access;

/// <summary>
/// The office an instance belongs to is engine state (a column of the instance), set at start and changed only by an
/// activity that moves the instance. Expressions read it as the variable the domain names
/// (<see cref="InstanceAccessOptions.OfficeVariable"/>), a mirror the engine keeps; nothing from outside writes it.
/// </summary>
public static class InstanceOffice
{
    /// <summary>The longest office name stored.</summary>
    public const int MaxLength = 200;
}
