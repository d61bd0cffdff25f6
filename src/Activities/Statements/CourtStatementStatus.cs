namespace Verkstallighet.Activities.Statements;

public enum CourtStatementStatus
{
    /// <summary>Being written: the officer edits and saves it.</summary>
    Draft,

    /// <summary>Finalised: immutable, and printed as a PDF for the court.</summary>
    Final,
}
