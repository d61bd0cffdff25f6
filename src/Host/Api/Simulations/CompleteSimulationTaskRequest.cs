using System.Text.Json.Nodes;

namespace Verkstallighet.Host.Api.Simulations;

/// <summary>The sample form data a simulated task is completed with, validated as the real form's.</summary>
public sealed record CompleteSimulationTaskRequest(JsonObject? Data);
