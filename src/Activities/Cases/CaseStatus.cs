namespace Verkstallighet.Activities.Cases;

public enum CaseStatus
{
    Active,
    TransferredAbroad,
    Closed,
}
