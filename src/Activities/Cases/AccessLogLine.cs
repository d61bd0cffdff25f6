using NodaTime;

namespace Verkstallighet.Activities.Cases;

public sealed record AccessLogLine(long Id, Instant At, string UserId, Guid CaseId, string Kind, string What);
