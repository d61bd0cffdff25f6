using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using NodaTime;
using Verkstallighet.Workflows.Json;

namespace Verkstallighet.Workflows.Activities;

/// <summary>What Studio, the validator and the task API know about an activity. Built from the activity's class.</summary>
public sealed record ActivityDescriptor(
    string Type,
    string DisplayName,
    string Category,
    string? Description,
    ActivityKind Kind,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<OutputDescriptor> Outputs,
    JsonNode? FormSchema)
{
    [JsonIgnore]
    public Type ClrType { get; init; } = null!;

    public InputDescriptor? Input(string name) =>
        Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));

    public OutputDescriptor? Output(string name) =>
        Outputs.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));

    public static ActivityDescriptor Describe(Type type)
    {
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [Activity] attribute.");
        ActivityKind kind;
        if (typeof(HumanActivity).IsAssignableFrom(type))
        {
            kind = ActivityKind.Human;
        }
        else if (typeof(AutomaticActivity).IsAssignableFrom(type))
        {
            kind = ActivityKind.Automatic;
        }
        else
        {
            throw new InvalidOperationException($"{type.Name} must derive from HumanActivity<TForm> or AutomaticActivity.");
        }

        if (type.IsAbstract || type.GetConstructor(System.Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException($"{type.Name} needs a public parameterless constructor.");
        }

        var prototype = (Activity)Activator.CreateInstance(type)!;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var inputs = properties
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<InputAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => new InputDescriptor(
                CamelCase(p.Property.Name),
                p.Attribute!.DisplayName,
                p.Attribute.Description,
                ValueTypes.Describe(p.Property.PropertyType),
                ValueTypes.AllowedValues(p.Property.PropertyType),
                p.Attribute.Required,
                ValueTypes.Format(p.Property.GetValue(prototype))) { Property = p.Property })
            .ToList();
        var outputs = properties
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<OutputAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => new OutputDescriptor(
                CamelCase(p.Property.Name),
                p.Attribute!.DisplayName,
                ValueTypes.Describe(p.Property.PropertyType),
                p.Attribute.DefaultVariable ?? CamelCase(p.Property.Name)) { Property = p.Property })
            .ToList();
        var form = prototype is HumanActivity human ? FormSchemas.For(human.FormType) : null;
        return new ActivityDescriptor(attribute.Type, attribute.DisplayName, attribute.Category, attribute.Description, kind, inputs, outputs, form)
        {
            ClrType = type,
        };
    }

    private static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);
}

public sealed record InputDescriptor(
    string Name,
    string DisplayName,
    string? Description,
    string Type,
    IReadOnlyList<string>? AllowedValues,
    bool Required,
    string? Default)
{
    [JsonIgnore]
    public PropertyInfo Property { get; init; } = null!;
}

public sealed record OutputDescriptor(string Name, string DisplayName, string Type, string DefaultVariable)
{
    [JsonIgnore]
    public PropertyInfo Property { get; init; } = null!;
}

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

/// <summary>JSON Schemas of human task forms, with Swedish titles from <see cref="DisplayAttribute"/>, so clients can build the form.</summary>
public static class FormSchemas
{
    public static JsonNode For(Type formType)
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
                    var provider = context.PropertyInfo?.AttributeProvider;
                    if (provider?.GetCustomAttributes(typeof(DisplayAttribute), true).FirstOrDefault() is DisplayAttribute display)
                    {
                        if (display.Name is not null)
                        {
                            obj["title"] = display.Name;
                        }

                        if (display.Description is not null)
                        {
                            obj["description"] = display.Description;
                        }
                    }

                    // Lets a client size the input: a short line, or room for a paragraph.
                    if (provider?.GetCustomAttributes(typeof(MaxLengthAttribute), true).FirstOrDefault() is MaxLengthAttribute { Length: > 0 } maxLength)
                    {
                        obj[context.TypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Enumerable ? "maxItems" : "maxLength"] = maxLength.Length;
                    }

                    if (context.PropertyInfo is null && context.TypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
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

                return node;
            },
        };
        return WorkflowJson.StrictOptions.GetJsonSchemaAsNode(formType, exporter);
    }
}
