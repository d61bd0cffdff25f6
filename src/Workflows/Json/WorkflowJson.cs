using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;

namespace Verkstallighet.Workflows.Json;

/// <summary>The one JSON convention of the engine: camelCase, enums as strings, NodaTime dates as ISO text.</summary>
public static class WorkflowJson
{
    public static JsonSerializerOptions Options { get; } = Create(strict: false);

    /// <summary>For data submitted by users: unknown fields are an error, not silently dropped.</summary>
    public static JsonSerializerOptions StrictOptions { get; } = Create(strict: true);

    /// <summary>Applies the convention to other options, e.g. ASP.NET Core's.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.Converters.Add(new JsonStringEnumConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }

    private static JsonSerializerOptions Create(bool strict)
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        if (strict)
        {
            options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.RespectRequiredConstructorParameters = true;
            options.RespectNullableAnnotations = true;
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
