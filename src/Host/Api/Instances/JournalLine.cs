using System.Text.Json.Nodes;
using NodaTime;
using Verkstallighet.Workflows.Journal;

namespace Verkstallighet.Host.Api.Instances;

public sealed record JournalLine(long Id, Instant At, string Kind, string? ElementId, string? Actor, JsonNode? Data)
{
    public static JournalLine From(JournalEntry entry) =>
        new(entry.Id, entry.At, entry.Kind, entry.ElementId, entry.Actor, entry.Data is null ? null : JsonNode.Parse(entry.Data));
}
