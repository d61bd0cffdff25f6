using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace Verkstallighet.Workflows.Deadlines;

/// <summary>
/// Which pending deadlines a rule change moves, and where to. Each is counted again from its own anchor with the same
/// <see cref="DeadlineCalculator"/> a new deadline uses, so a recomputed deadline is the one a new step would make.
/// </summary>
public static class DeadlineMovePlan
{
    public static List<DeadlineMove> Moves(IEnumerable<PendingDeadline> pending, DeadlineRuleBook book, string key, DeadlineChangeScope scope)
    {
        var moves = new List<DeadlineMove>();
        if (scope == DeadlineChangeScope.NewOnly)
        {
            return moves;
        }

        var newest = book.Effective(key, LocalDate.MaxIsoValue)!;
        foreach (var deadline in pending)
        {
            var rule = scope == DeadlineChangeScope.AllPending ? newest : book.Effective(key, deadline.AnchorDate)!;
            var due = DeadlineCalculator.DueDate(deadline.AnchorDate, rule.Period, rule.MoveToNextWorkingDay);
            if (due != deadline.DueDate)
            {
                var unmoved = DeadlineCalculator.DueDate(deadline.AnchorDate, rule.Period, moveToNextWorkingDay: false);
                moves.Add(new DeadlineMove(deadline, due, rule.Version, unmoved != due));
            }
        }

        return moves;
    }

    /// <summary>Stands for exactly these moves: every deadline's guard (id, version) and new due date, in id order.</summary>
    public static string Fingerprint(string key, int ruleVersion, DeadlineChangeScope scope, IEnumerable<DeadlineMove> moves)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{key}|{ruleVersion}|{scope}");
        foreach (var move in moves.OrderBy(m => m.Deadline.TimerId))
        {
            text.Append(CultureInfo.InvariantCulture, $"|{move.Deadline.TimerId:N}:{move.Deadline.TimerVersion}:{move.NewDueDate:yyyy-MM-dd}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
