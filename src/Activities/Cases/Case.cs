using NodaTime;

namespace Verkstallighet.Activities.Cases;

/// <summary>A client's case at an office: who, under which sanction, and the dates its deadlines count from.</summary>
public sealed class Case
{
    public Guid Id { get; set; }

    /// <summary>The case number (ärendenummer) people quote and search by; given by the database, one higher for each case.</summary>
    public long Number { get; set; }

    public required string ClientName { get; set; }

    /// <summary>Twelve digits. Never logged; shown masked.</summary>
    public required string Personnummer { get; set; }

    public required string Office { get; set; }

    public Sanction Sanction { get; set; }

    public CaseStatus Status { get; set; }

    public LocalDate? JudgmentEnforceable { get; set; }

    public LocalDate? SupervisionStart { get; set; }

    public LocalDate? SupervisionEnd { get; set; }

    public LocalDate? ReleaseDate { get; set; }

    /// <summary>For villkorlig dom: the hours of samhällstjänst.</summary>
    public int? CommunityServiceHours { get; set; }

    public Guid? WorkflowInstanceId { get; set; }

    public Instant CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public uint RowVersion { get; set; }
}
