using NodaTime;
using NodaTime.Text;
using Verkstallighet.Workflows.Tasks;

namespace Verkstallighet.Host.Api.Tasks;

/// <summary>The task list's query parameters, checked and read into a <see cref="TaskListQuery"/>.</summary>
public sealed record TaskListParameters(
    string? Filter, string? Role, string? ActivityType, string? CorrelationId, string? DueBefore, bool? Overdue, string? Assigned,
    string? Sort, bool? Descending, int? Limit, string? After)
{
    /// <summary>The query, or null with every invalid parameter named in <paramref name="errors"/>.</summary>
    public TaskListQuery? ToQuery(Dictionary<string, string[]> errors)
    {
        var filter = TaskFilter.Role;
        if (Filter is not null && (!Enum.TryParse(Filter, ignoreCase: true, out filter) || !Enum.IsDefined(filter) || int.TryParse(Filter, out _)))
        {
            errors["filter"] = [$"'filter' must be one of mine, office, role, not '{Filter}'."];
        }

        var assignment = ParseName<TaskAssignment>(Assigned, "assigned", "mine, unassigned or mineOrUnassigned", errors);
        var sort = ParseName<TaskSort>(Sort, "sort", "one of dueDate, activity, case, status", errors) ?? TaskSort.DueDate;
        LocalDate? dueBefore = null;
        if (DueBefore is not null)
        {
            var parsedDate = LocalDatePattern.Iso.Parse(DueBefore);
            if (parsedDate.Success)
            {
                dueBefore = parsedDate.Value;
            }
            else
            {
                errors["dueBefore"] = [$"'dueBefore' must be a date (yyyy-MM-dd), not '{DueBefore}'."];
            }
        }

        if (Limit is < 1 or > TaskListQuery.MaxLimit)
        {
            errors["limit"] = [$"'limit' must be between 1 and {TaskListQuery.MaxLimit}."];
        }

        if (Role is not null && filter != TaskFilter.Role)
        {
            errors["role"] = ["'role' applies only with filter=role."];
        }

        return errors.Count > 0 ? null : new TaskListQuery(filter)
        {
            Role = Role,
            ActivityType = ActivityType,
            CorrelationId = CorrelationId,
            DueBefore = dueBefore,
            Overdue = Overdue ?? false,
            Assignment = assignment,
            Sort = sort,
            Descending = Descending ?? false,
            Limit = Limit ?? TaskListQuery.DefaultLimit,
            After = After,
        };
    }

    /// <summary>A member's name, in any case; a number is refused although Enum.TryParse would take it.</summary>
    private static T? ParseName<T>(string? text, string name, string allowed, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
        {
            return value;
        }

        errors[name] = [$"'{name}' must be {allowed}, not '{text}'."];
        return null;
    }
}
