using System.Text.Json.Nodes;

namespace Verkstallighet.Host.Api.Tasks;

/// <summary>The completion of a task: the form data, and optionally the version the client read (stale → 409).</summary>
public sealed record CompleteTaskRequest(JsonObject? Data, int? Version);
