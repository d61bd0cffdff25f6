using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Api;

/// <summary>
/// The OpenAPI document declares what each API operation answers, so that a client can be generated that handles the
/// errors too: a success response, and every error as ProblemDetails (application/problem+json). Which errors apply is
/// derived where it can be: every API operation needs a signed-in caller (401); one that takes a body can be sent a
/// malformed one (400); one addressed by an {id} can miss (404); one behind a role policy can refuse (403).
/// </summary>
public sealed partial class OpenApiResponsesTests : IAsyncLifetime
{
    private const string ProblemJson = "application/problem+json";

    private HostFactory host = null!;

    public async Task InitializeAsync() => host = await HostFactory.StartAsync(); // simulated clock: the advance is mapped too

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task EveryApiOperation_DeclaresItsSuccess_AndItsErrorsAsProblemDetails()
    {
        var operations = await ApiOperationsAsync();
        Assert.True(operations.Count >= 40, $"Only {operations.Count} API operations in the document; the test reads the wrong document.");

        var faults = new List<string>();
        foreach (var ((method, path), operation) in operations)
        {
            var name = $"{method} {path}";
            var responses = operation["responses"]!.AsObject();
            if (!responses.Any(r => r.Key.StartsWith('2')))
            {
                faults.Add($"{name}: no success (2xx) response");
            }

            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                if (response?["content"]?[ProblemJson] is null)
                {
                    faults.Add($"{name}: its {status} is not declared as {ProblemJson}");
                }
            }

            Require(faults, name, responses, "401", "every API operation needs a signed-in caller");
            if (operation["requestBody"] is not null)
            {
                Require(faults, name, responses, "400", "it takes a body, which can be malformed");
            }

            if (path.Contains("{id}", StringComparison.Ordinal))
            {
                Require(faults, name, responses, "404", "it is addressed by an id, which may not exist");
            }
        }

        Assert.True(faults.Count == 0, "The OpenAPI document does not declare these responses:\n" + string.Join("\n", faults));
    }

    [Fact]
    public async Task EveryOperationBehindARolePolicy_Declares403()
    {
        var operations = await ApiOperationsAsync();
        var guarded = host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null))
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (Method: m.ToLowerInvariant(), Path: OpenApiPath(e.RoutePattern.RawText!))))
            .ToList();
        Assert.True(guarded.Count >= 10, $"Only {guarded.Count} API endpoints have a role policy; the test looks in the wrong place.");

        var faults = new List<string>();
        foreach (var (method, path) in guarded)
        {
            if (!operations.TryGetValue((method, path), out var operation))
            {
                faults.Add($"{method} {path}: not in the document");
                continue;
            }

            Require(faults, $"{method} {path}", operation["responses"]!.AsObject(), "403", "a role policy guards it");
        }

        Assert.True(faults.Count == 0, "Endpoints with a role policy that do not declare 403:\n" + string.Join("\n", faults));
    }

    private static void Require(List<string> faults, string name, JsonObject responses, string status, string why)
    {
        if (responses[status]?["content"]?[ProblemJson] is null)
        {
            faults.Add($"{name}: no {status} as {ProblemJson} ({why})");
        }
    }

    /// <summary>Every operation of the document under /api, by lower-case method and path.</summary>
    private async Task<Dictionary<(string Method, string Path), JsonObject>> ApiOperationsAsync()
    {
        var document = await (await host.As("anna").GetAsync("/openapi/v1.json")).OkJsonAsync();
        return document["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject()
                .Where(o => o.Key is "get" or "put" or "post" or "delete" or "patch")
                .Select(o => (Key: (o.Key, p.Key), Operation: o.Value!.AsObject())))
            .ToDictionary(o => o.Key, o => o.Operation);
    }

    /// <summary>A route pattern as the document writes its path: parameters without their constraints, no trailing slash.</summary>
    private static string OpenApiPath(string pattern)
    {
        var path = RouteParameter().Replace(pattern, "{$1}");
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
