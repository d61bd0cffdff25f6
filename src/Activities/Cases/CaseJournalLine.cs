using System.Text.Json.Nodes;
using NodaTime;

namespace Verkstallighet.Activities.Cases;

public sealed record CaseJournalLine(Instant At, string Kind, string? ElementId, string? Actor, JsonNode? Data);
