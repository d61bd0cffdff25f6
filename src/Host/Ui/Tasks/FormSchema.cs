using System.Text.Json.Nodes;

namespace Verkstallighet.Host.Ui.Tasks;

/// <summary>Reading the parts of a form's JSON Schema that the generic form uses.</summary>
public static class FormSchema
{
    public static IEnumerable<(string Name, JsonObject Schema)> Properties(JsonNode? schema) =>
        schema?["properties"] is JsonObject properties
            ? properties.Where(p => p.Value is JsonObject).Select(p => (p.Key, (JsonObject)p.Value!))
            : [];

    public static bool IsRequired(JsonNode? parent, string name) =>
        parent?["required"] is JsonArray required && required.Any(r => (string?)r == name);

    public static string Title(JsonObject schema, string name) => (string?)schema["title"] ?? name;

    public static string? Description(JsonObject schema) => (string?)schema["description"];

    public static IReadOnlyList<string> Choices(JsonObject schema) =>
        schema["enum"] is JsonArray values ? values.Where(v => v is not null).Select(v => v!.ToString()).ToList() : [];

    public static SchemaFieldKind Kind(JsonObject schema)
    {
        if (schema["enum"] is JsonArray)
        {
            return SchemaFieldKind.Choice;
        }

        var types = Types(schema);
        if (types.Contains("array"))
        {
            var items = schema["items"] as JsonObject;
            return items is not null && Types(items).Contains("object") ? SchemaFieldKind.Table : SchemaFieldKind.TextList;
        }

        if (types.Contains("object"))
        {
            return SchemaFieldKind.Group;
        }

        if (types.Contains("boolean"))
        {
            return SchemaFieldKind.Boolean;
        }

        if (types.Contains("integer"))
        {
            return SchemaFieldKind.Integer;
        }

        if (types.Contains("number"))
        {
            return SchemaFieldKind.Number;
        }

        return (string?)schema["format"] == "date" ? SchemaFieldKind.Date : SchemaFieldKind.Text;
    }

    private static HashSet<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonValue single => [single.ToString()],
        JsonArray many => many.Where(t => t is not null).Select(t => t!.ToString()).ToHashSet(),
        _ => [],
    };
}
