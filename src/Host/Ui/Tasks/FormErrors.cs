using Verkstallighet.Workflows.Activities;

namespace Verkstallighet.Host.Ui.Tasks;

/// <summary>
/// The server's field problems of one submission, by the field's JSON path (<c>measures[1].dueDate</c>), so that each
/// form shows a message on the field it concerns. Empty until the server refuses something.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.OrdinalIgnoreCase);

    public static FormErrors None { get; } = new();

    public FormErrors()
    {
    }

    public FormErrors(IEnumerable<FieldProblem> problems)
    {
        foreach (var problem in problems)
        {
            if (!byField.TryGetValue(problem.Field, out var messages))
            {
                byField[problem.Field] = messages = [];
            }

            messages.Add(problem.Message);
        }
    }

    public bool Any => byField.Count > 0;

    public IEnumerable<FieldProblem> All => byField.SelectMany(p => p.Value.Select(m => new FieldProblem(p.Key, m)));

    public bool Has(string field) => byField.ContainsKey(field);

    /// <summary>The messages for exactly this field, as one text; null when it has none.</summary>
    public string? For(string field) => byField.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>The messages for a field or anything inside it (<c>kollegiumParticipants</c> and <c>kollegiumParticipants[2]</c>).</summary>
    public string? ForAnyIn(string field)
    {
        var messages = byField
            .Where(p => string.Equals(p.Key, field, StringComparison.OrdinalIgnoreCase)
                        || p.Key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase)
                        || p.Key.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value)
            .ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }
}
