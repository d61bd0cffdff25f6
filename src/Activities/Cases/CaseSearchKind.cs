namespace Verkstallighet.Activities.Cases;

public enum CaseSearchKind
{
    All,
    Name,
    Number,
    Personnummer,
}
