using System.Reflection;
using System.Text.Json.Serialization;

namespace Verkstallighet.Workflows.Activities;

public sealed record OutputDescriptor(string Name, string DisplayName, string Type, string DefaultVariable)
{
    [JsonIgnore]
    public PropertyInfo Property { get; init; } = null!;
}
