using NodaTime;

namespace Verkstallighet.Activities.Cases;

/// <summary>A filter on the access log; every part is optional. <see cref="Before"/> is the keyset cursor (an entry id).</summary>
public sealed record AccessLogFilter(Guid? CaseId, string? UserId, Instant? From, Instant? To, long? Before, int Limit);
