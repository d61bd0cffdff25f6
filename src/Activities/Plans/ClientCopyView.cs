using NodaTime;
using Verkstallighet.Activities.Cases;

namespace Verkstallighet.Activities.Plans;

/// <summary>What the client's copy of an established plan (12 §) shows, for the print view: the personnummer masked.</summary>
public sealed record ClientCopyView(
    Guid CaseId,
    string ClientName,
    string Personnummer,
    string Office,
    string Sanction,
    LocalDate? SupervisionStart,
    LocalDate? SupervisionEnd,
    int Version,
    string Participation,
    IReadOnlyList<ClientCopyMeasure> Measures,
    string Established)
{
    public static ClientCopyView From(Case @case, Plan plan) => new(
        @case.Id,
        @case.ClientName,
        Cases.Personnummer.FromStored(@case.Personnummer).Masked,
        @case.Office,
        ClientCopy.SanctionName(@case.Sanction),
        @case.SupervisionStart,
        @case.SupervisionEnd,
        plan.Version,
        ClientCopy.Participation(plan),
        plan.Measures.OrderBy(m => m.DueDate).Select(m => new ClientCopyMeasure(m.Description, m.Area.ToString(), ClientCopy.ResponsibleText(m) ?? "", m.DueDate, m.FollowUpMethod)).ToList(),
        ClientCopy.Established(plan));
}
