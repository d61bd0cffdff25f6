namespace Verkstallighet.Activities.Statements;

/// <summary>A section of the statement: its JSON field, its Swedish heading, and guidance for the officer.</summary>
public sealed record CourtStatementSection(string Field, string Heading, string Guidance);
