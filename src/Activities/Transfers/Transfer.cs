using NodaTime;

namespace Verkstallighet.Activities.Transfers;

/// <summary>A transfer of supervision to another office or another country (16 §).</summary>
public sealed class Transfer
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public required string FromOffice { get; set; }

    public string? ToOffice { get; set; }

    public string? ToCountry { get; set; }

    public LocalDate TransferDate { get; set; }

    public required string By { get; set; }

    public Instant At { get; set; }
}
