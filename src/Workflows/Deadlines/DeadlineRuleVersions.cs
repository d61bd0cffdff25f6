using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>
/// Makes new versions of deadline rules. Nothing is overwritten: a change is the next version, with its author, its
/// reason and the day it takes effect; a new deadline counts with the version in effect on its anchor date.
/// </summary>
public sealed class DeadlineRuleVersions(IDbContextFactory<WorkflowsDbContext> contexts, DeadlineRuleStore store, ZonedClock clock, InstanceAccess access)
{
    public async Task<DeadlineRule> AddAsync(string key, DeadlineRuleChange change, Actor author, CancellationToken cancellationToken = default)
    {
        access.EnsureRuleAdministrator(author, "change a deadline rule");
        var today = clock.GetCurrentDate();
        var (period, reminder) = Validate(change, today);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.DeadlineRules.AsNoTracking().Where(r => r.Key == key).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Deadline rule '{key}' does not exist.");
        var version = new DeadlineRule
        {
            Id = Guid.CreateVersion7(),
            Key = key,
            Version = latest.Version + 1,
            Period = period,
            LegalReference = latest.LegalReference,
            Description = latest.Description,
            EffectiveFrom = change.EffectiveFrom!.Value,
            MoveToNextWorkingDay = change.MoveToNextWorkingDay,
            ReminderLeadTime = reminder,
            PastEffectiveDateConfirmed = change.EffectiveFrom < today,
            ChangedBy = author.UserId,
            ChangeReason = change.Reason!.Trim(),
            CreatedAt = clock.GetCurrentInstant(),
        };
        db.DeadlineRules.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException($"Someone else made version {version.Version} of '{key}' at the same moment; read the rule again.");
        }

        store.Invalidate();
        return version;
    }

    /// <summary>The change's problems by field, or its period and reminder lead time.</summary>
    private static (Period Period, Period? Reminder) Validate(DeadlineRuleChange change, LocalDate today)
    {
        var problems = new FieldProblems();
        var period = DatePeriod(change.Period, "period", problems, required: true);
        var reminder = DatePeriod(change.ReminderLeadTime, "reminderLeadTime", problems, required: false);
        if (change.EffectiveFrom is not { } from)
        {
            problems.Add("effectiveFrom", "The day the version takes effect is required (yyyy-MM-dd).");
        }
        else if (from < today && !change.ConfirmPastEffectiveDate)
        {
            problems.Add("confirmPastEffectiveDate", $"{from:yyyy-MM-dd} has passed; confirm that the version takes effect in the past.");
        }

        if (string.IsNullOrWhiteSpace(change.Reason))
        {
            problems.Add("reason", "Say why the rule changes (the amended regulation, say).");
        }
        else if (change.Reason.Length > DeadlineRuleChange.MaxReasonLength)
        {
            problems.Add("reason", $"The reason may be at most {DeadlineRuleChange.MaxReasonLength} characters.");
        }

        return problems.Any ? throw new FormInvalidException(problems.All) : (period!, reminder);
    }

    private static Period? DatePeriod(string? text, string field, FieldProblems problems, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                problems.Add(field, "A period is required, e.g. P1M or P30D.");
            }

            return null;
        }

        if (!IsoTime.TryParsePeriod(text, out var period) || period.HasTimeComponent)
        {
            problems.Add(field, $"'{text}' is not a date period such as P1M, P4W or P30D.");
            return null;
        }

        if (!WithinAHundredYears(period))
        {
            problems.Add(field, $"'{text}' is longer than a hundred years.");
            return null;
        }

        return period;
    }

    /// <summary>A period a deadline can be counted with: beyond a century, date arithmetic on an anchor can overflow.</summary>
    private static bool WithinAHundredYears(Period period)
    {
        var from = new LocalDate(2000, 1, 1);
        try
        {
            return from.Plus(period) <= from.PlusYears(100);
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
