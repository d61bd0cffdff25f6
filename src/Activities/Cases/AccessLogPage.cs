namespace Verkstallighet.Activities.Cases;

/// <summary>One page of the access log, newest first; <see cref="NextBefore"/> asks for the next page, null on the last.</summary>
public sealed record AccessLogPage(IReadOnlyList<AccessLogLine> Entries, long? NextBefore);
