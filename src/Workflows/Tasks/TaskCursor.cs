using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Verkstallighet.Workflows.Tasks;

/// <summary>
/// The keyset position after the last task of a page (the sort's text key, if any, its due date, created and id), bound
/// to the list it came from by a hash of the filters and the sort. Opaque to clients: base64url of a small JSON object.
/// </summary>
public sealed record TaskCursor(LocalDate? DueDate, Instant CreatedAt, Guid Id, string? TextKey = null)
{
    public static TaskCursor After(HumanTask task, TaskSort sort) => new(task.DueDate, task.CreatedAt, task.Id, TaskListSql.TextKeyOf(task, sort));

    public string Encode(TaskListQuery query)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(new Token(
            Selection(query),
            DueDate is { } due ? LocalDatePattern.Iso.Format(due) : null,
            CreatedAt.ToUnixTimeTicks(),
            Id,
            TextKey));
        return Base64Url.EncodeToString(json);
    }

    /// <summary>The cursor in <see cref="TaskListQuery.After"/>; 400 naming 'after' when it is garbage or from another list.</summary>
    public static TaskCursor? Decode(TaskListQuery query)
    {
        if (query.After is null)
        {
            return null;
        }

        Token? token;
        try
        {
            token = JsonSerializer.Deserialize<Token>(Base64Url.DecodeFromChars(query.After));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            token = null;
        }

        if (token?.S is null)
        {
            throw NotACursor();
        }

        LocalDate? due = null;
        if (token.D is not null)
        {
            var parsed = LocalDatePattern.Iso.Parse(token.D);
            due = parsed.Success ? parsed.Value : throw NotACursor();
        }

        if (token.S != Selection(query))
        {
            throw new BadRequestException("'after' is a cursor from a list with other filters; page on with the filters it came from, or start again without 'after'.");
        }

        if ((token.K is null) != (TaskListSql.TextKey(query.Sort) is null))
        {
            throw NotACursor();
        }

        return new TaskCursor(due, Instant.FromUnixTimeTicks(token.C), token.I, token.K);
    }

    private static BadRequestException NotACursor() =>
        new("'after' is not a cursor this API returned; pass the 'next' cursor of the previous page unchanged.");

    private static string Selection(TaskListQuery query) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(query.SelectionKey())).AsSpan(0, 12));

    private sealed record Token(string? S, string? D, long C, Guid I, string? K = null);
}
