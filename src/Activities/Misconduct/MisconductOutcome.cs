namespace Verkstallighet.Activities.Misconduct;

/// <summary>What a misconduct review decides (general advice to 16 §; 3 § and 4 § for samhällstjänst).</summary>
public enum MisconductOutcome
{
    /// <summary>Ingen åtgärd.</summary>
    NoAction,

    /// <summary>Varning.</summary>
    Warning,

    /// <summary>Anmälan till övervakningsnämnden.</summary>
    ReportToSupervisionBoard,

    /// <summary>Anmälan till åklagare.</summary>
    ReportToProsecutor,
}
