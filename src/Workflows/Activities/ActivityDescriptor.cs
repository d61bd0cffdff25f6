using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

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

    /// <summary>Describes an activity class, in the words of <paramref name="texts"/> where it has them (else the class's own).</summary>
    public static ActivityDescriptor Describe(Type type, ActivityTexts? texts = null)
    {
        texts ??= ActivityTexts.None;
        var attribute = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{type.Name} has no [Activity] attribute.");
        var kind = KindOf(type);
        var prototype = (Activity)Activator.CreateInstance(type)!;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var inputs = properties
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<InputAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => new InputDescriptor(
                CamelCase(p.Property.Name),
                Text(texts, attribute.Type, CamelCase(p.Property.Name), p.Attribute!.DisplayName),
                Text(texts, attribute.Type, CamelCase(p.Property.Name) + ".description", p.Attribute.Description),
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
                Text(texts, attribute.Type, CamelCase(p.Property.Name), p.Attribute!.DisplayName),
                ValueTypes.Describe(p.Property.PropertyType),
                p.Attribute.DefaultVariable ?? CamelCase(p.Property.Name)) { Property = p.Property })
            .ToList();
        var form = prototype is HumanActivity human ? FormSchemas.For(human.FormType, field => texts.Of($"{attribute.Type}.form.{field}", null)) : null;
        return new ActivityDescriptor(
            attribute.Type,
            texts.Of(attribute.Type, attribute.DisplayName),
            texts.Of(attribute.Type + ".category", attribute.Category),
            texts.Of(attribute.Type + ".description", attribute.Description),
            kind,
            inputs,
            outputs,
            form)
        {
            ClrType = type,
        };
    }

    private static ActivityKind KindOf(Type type)
    {
        var kind = typeof(HumanActivity).IsAssignableFrom(type) ? ActivityKind.Human
            : typeof(AutomaticActivity).IsAssignableFrom(type) ? ActivityKind.Automatic
            : throw new InvalidOperationException($"{type.Name} must derive from HumanActivity<TForm> or AutomaticActivity.");
        if (type.IsAbstract || type.GetConstructor(System.Type.EmptyTypes) is null)
        {
            throw new InvalidOperationException($"{type.Name} needs a public parameterless constructor.");
        }

        return kind;
    }

    private static string CamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>The activity's own text for a member, else the text every human activity shares for it, else the class's.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(fallback))]
    private static string? Text(ActivityTexts texts, string type, string member, string? fallback) =>
        texts.Of($"{type}.{member}", texts.Of($"*.{member}", fallback));
}

