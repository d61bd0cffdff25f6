namespace Verkstallighet.Activities.Cases;

public sealed record WaiveDeadlineRequest(string? Reason);
