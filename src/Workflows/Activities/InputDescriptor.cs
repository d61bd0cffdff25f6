using System.Reflection;
using System.Text.Json.Serialization;

namespace Verkstallighet.Workflows.Activities;

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
