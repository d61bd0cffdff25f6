namespace Verkstallighet.Workflows.Access;

/// <summary>
/// Who reaches which instances, and which variables the outside may not set. The engine knows no role names: the
/// domain fills these in (Activities registers its roles and its routing variables).
/// </summary>
public sealed class InstanceAccessOptions
{
    /// <summary>Roles that reach instances of every office. Everyone else reaches the instances of their own office.</summary>
    public HashSet<string> AllOfficesRoles { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Roles that change deadline rules and apply a change to the pending deadlines of every office. Empty means no one
    /// but the engine itself.
    /// </summary>
    public HashSet<string> RuleAdministratorRoles { get; } = new(StringComparer.Ordinal);

    /// <summary>Roles that migrate running instances to another version of their workflow. Empty means no one but the engine.</summary>
    public HashSet<string> MigrationRoles { get; } = new(StringComparer.Ordinal);

    /// <summary>Roles that may start an instance at an office they name, rather than at their own.</summary>
    public HashSet<string> ChooseOfficeRoles { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Routing and identity variables (a case id, say) set only by the code that owns them: refused in the variables of
    /// a start from outside and in message payloads, and never declarable in <c>vp:payload</c>. The office variable is one.
    /// </summary>
    public HashSet<string> ProtectedVariables { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The variable that mirrors an instance's office, so expressions can read it; none when null. The engine keeps it,
    /// and it is protected: nothing from outside and no activity output writes it.
    /// </summary>
    public string? OfficeVariable
    {
        get => officeVariable;
        set
        {
            if (officeVariable is not null)
            {
                ProtectedVariables.Remove(officeVariable);
            }

            officeVariable = value;
            if (value is not null)
            {
                ProtectedVariables.Add(value);
            }
        }
    }

    private string? officeVariable;
}
