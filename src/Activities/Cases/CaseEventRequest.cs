using System.Text.Json.Nodes;

namespace Verkstallighet.Activities.Cases;

public sealed record CaseEventRequest(string? Name, JsonObject? Payload);
