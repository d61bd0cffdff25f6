using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using Verkstallighet.Workflows.Json;

namespace Verkstallighet.Workflows.Activities;

/// <summary>
/// JSON Schemas of human task forms, with titles from <see cref="DisplayAttribute"/> (or, for a top-level field, from
/// <paramref name="fieldTitle"/> when it has one), so clients can build the form.
/// </summary>
public static class FormSchemas
{
    public static JsonNode For(Type formType, Func<string, string?>? fieldTitle = null)
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
                if (type == typeof(LocalDate))
                {
                    node = new JsonObject { ["type"] = "string", ["format"] = "date" };
                }
                else if (type == typeof(Period))
                {
                    node = new JsonObject { ["type"] = "string", ["format"] = "duration" };
                }

                if (node is JsonObject obj)
                {
                    Describe(obj, context, formType, fieldTitle);
                }

                return node;
            },
        };
        return WorkflowJson.StrictOptions.GetJsonSchemaAsNode(formType, exporter);
    }

    private static void Describe(JsonObject obj, JsonSchemaExporterContext context, Type formType, Func<string, string?>? fieldTitle)
    {
        var provider = context.PropertyInfo?.AttributeProvider;
        if (provider?.GetCustomAttributes(typeof(DisplayAttribute), true).FirstOrDefault() is DisplayAttribute display)
        {
            var title = context.PropertyInfo is { } field && field.DeclaringType == formType ? fieldTitle?.Invoke(field.Name) : null;
            if ((title ?? display.Name) is { } shown)
            {
                obj["title"] = shown;
            }

            if (display.Description is not null)
            {
                obj["description"] = display.Description;
            }
        }

        // Lets a client size the input: a short line, or room for a paragraph.
        if (provider?.GetCustomAttributes(typeof(MaxLengthAttribute), true).FirstOrDefault() is MaxLengthAttribute { Length: > 0 } maxLength)
        {
            obj[context.TypeInfo.Kind == JsonTypeInfoKind.Enumerable ? "maxItems" : "maxLength"] = maxLength.Length;
        }

        if (context.PropertyInfo is null && context.TypeInfo.Kind == JsonTypeInfoKind.Object)
        {
            var required = context.TypeInfo.Properties
                .Where(p => p.IsRequired || p.AttributeProvider?.IsDefined(typeof(RequiredAttribute), true) == true)
                .Select(p => (JsonNode)p.Name)
                .ToArray();
            if (required.Length > 0)
            {
                obj["required"] = new JsonArray(required.DistinctBy(n => n!.GetValue<string>()).ToArray());
            }
        }
    }
}
