using System.Text.Json;
using System.Text.Json.Nodes;
using NodaTime;
using Verkstallighet.Workflows.Json;

namespace Verkstallighet.Workflows.Activities;

/// <summary>The small type vocabulary of activity inputs and outputs, and conversion of literal values to it.</summary>
public static class ValueTypes
{
    public static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(int) || type == typeof(long) => "integer",
            _ when type == typeof(decimal) || type == typeof(double) => "number",
            _ when type == typeof(LocalDate) => "date",
            _ when type == typeof(Period) => "period",
            _ when type.IsEnum => "enum",
            _ when typeof(JsonNode).IsAssignableFrom(type) => "json",
            _ => "object",
        };
    }

    public static IReadOnlyList<string>? AllowedValues(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum ? Enum.GetNames(type) : null;
    }

    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        LocalDate d => NodaTime.Text.LocalDatePattern.Iso.Format(d),
        Period p => p.ToString(),
        JsonNode n => n.ToJsonString(),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value, WorkflowJson.Options),
    };

    /// <summary>Converts a literal from the model to the input's type. Returns false with a message when it does not fit.</summary>
    public static bool TryConvertLiteral(string text, Type type, out object? value, out string? error)
    {
        value = null;
        error = null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (target == typeof(string))
            {
                value = text;
                return true;
            }

            if (target == typeof(Period))
            {
                if (Time.IsoTime.TryParsePeriod(text, out var period))
                {
                    value = period;
                    return true;
                }

                error = $"'{text}' is not an ISO 8601 duration such as P1M.";
                return false;
            }

            if (typeof(JsonNode).IsAssignableFrom(target))
            {
                value = JsonNode.Parse(text);
                return true;
            }

            // Everything else is read as the JSON value it would be: true, 42, "2026-01-31", "Hog".
            var json = target == typeof(bool) || IsNumber(target) ? text : JsonSerializer.Serialize(text);
            value = JsonSerializer.Deserialize(json, type, WorkflowJson.Options);
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or NotSupportedException or InvalidOperationException)
        {
            error = AllowedValues(target) is { } allowed
                ? $"'{text}' is not one of {string.Join(", ", allowed)}."
                : $"'{text}' is not a valid {Describe(target)}.";
            return false;
        }
    }

    private static bool IsNumber(Type t) => t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double);
}
