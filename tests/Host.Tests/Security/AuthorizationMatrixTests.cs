using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Workflows.Json;

namespace Verkstallighet.Host.Tests.Security;

/// <summary>
/// Who may do what, for every endpoint the Host maps: each is called as every role and anonymously, against a case of
/// the caller's own office and one of another office where the route takes an id, and each status is compared with
/// <see cref="Matrix"/>. An endpoint without a row fails the test, so a new endpoint must say who may call it.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    /// <summary>
    /// The table. A cell is the status for that caller, or "own/foreign" where the route takes an id: own is a case of
    /// Stockholm City (anna's and bertil's office), foreign one of Göteborg. Process owners and administrators have no
    /// office. The probe for each row (below) is harmless: where a call is allowed it is refused for its content (400),
    /// a missing thing (404) or the state (409), so the table shows the authorization, not a side effect.
    /// </summary>
    private static readonly Row[] Matrix =
    [
        //  endpoint                                                   Officer    Chief      ProcessOwner Administrator Anonymous
        // Pages a browser opens send the anonymous to /login (302); the API answers 401.
        new("GET /health",                                             "200",     "200",     "200",       "200",        "200"),
        new("GET /openapi/{documentName}.json",                        "200",     "200",     "200",       "200",        "401"),
        new("GET /scalar/{documentName?}",                             "200",     "200",     "200",       "200",        "302"),
        // The reference page's own script and icon: the same public files for everyone, no data.
        new("GET /scalar/scalar.js",                                   "200",     "200",     "200",       "200",        "200"),
        new("GET /scalar/scalar.aspnetcore.js",                        "200",     "200",     "200",       "200",        "200"),
        new("GET /scalar/favicon.svg",                                 "200",     "200",     "200",       "200",        "200"),
        new("GET /login",                                              "200",     "200",     "200",       "200",        "200"),
        new("POST /login",                                             "400",     "400",     "400",       "400",        "400"),
        // Browser forms: without the antiforgery token of their page (the probe has none) they are refused.
        new("POST /logout",                                            "400",     "400",     "400",       "400",        "302"),
        new("GET /hangfire/{**path}",                                  "403",     "403",     "403",       "200",        "302"),
        // The case pages (Ui/Cases): officers and chiefs; the case page's service refuses a case of another office in the
        // circuit. A POST to a page is a Blazor form post, refused without its antiforgery token.
        new("GET /cases",                                              "200",     "200",     "403",       "403",        "302"),
        new("POST /cases",                                             "400",     "400",     "403",       "403",        "302"),
        new("GET /cases/new",                                          "200",     "200",     "403",       "403",        "302"),
        new("POST /cases/new",                                         "400",     "400",     "403",       "403",        "302"),
        new("GET /cases/{id:guid}",                                    "200",     "200",     "403",       "403",        "302"),
        new("POST /cases/{id:guid}",                                   "400",     "400",     "403",       "403",        "302"),
        new("GET /cases/{Id:guid}/plans/{Version:int}/print",          "200",     "200",     "403",       "403",        "302"),
        new("POST /cases/{Id:guid}/plans/{Version:int}/print",         "400",     "400",     "403",       "403",        "302"),
        new("GET /cases/{Id:guid}/statement",                          "200",     "200",     "403",       "403",        "302"),
        new("POST /cases/{Id:guid}/statement",                         "400",     "400",     "403",       "403",        "302"),
        new("GET /inbox",                                              "200",     "200",     "403",       "403",        "302"),
        new("POST /inbox",                                             "400",     "400",     "403",       "403",        "302"),
        new("GET /tasks/{Id:guid}",                                    "200",     "200",     "403",       "403",        "302"),
        new("POST /tasks/{Id:guid}",                                   "400",     "400",     "403",       "403",        "302"),
        new("GET /chief",                                              "403",     "200",     "403",       "403",        "302"),
        new("POST /chief",                                             "403",     "400",     "403",       "403",        "302"),
        new("GET /reports",                                            "403",     "200",     "403",       "200",        "302"),
        new("POST /reports",                                           "403",     "400",     "403",       "400",        "302"),
        // The diagram page is for anyone signed in; the service applies the instance's office rule in the circuit.
        new("GET /instances/{InstanceId:guid}/diagram",                "200",     "200",     "200",       "200",        "302"),
        new("POST /instances/{InstanceId:guid}/diagram",               "400",     "400",     "400",       "400",        "302"),

        // The web UI's pages: the page answers with the app's shell (no data: pages are not prerendered); the circuit
        // then loads the data through the same services and checks as the API. A role the page is not for is refused
        // here already; a case of another office is refused by the service in the circuit (see Ui/ browser tests).
        // A POST to a page is a Blazor form post, refused without its antiforgery token.
        new("GET /",                                                   "200",     "200",     "200",       "200",        "302"),
        new("POST /",                                                  "400",     "400",     "400",       "400",        "302"),
        new("GET /owner",                                              "403",     "403",     "200",       "200",        "302"),
        new("POST /owner",                                             "403",     "403",     "400",       "400",        "302"),
        // Studio (Ui/Studio): everyone signed in views the diagrams; the pages offer editing to process owners and
        // administrators only, and the services behind them check it again.
        new("GET /studio",                                             "200",     "200",     "200",       "200",        "302"),
        new("POST /studio",                                            "400",     "400",     "400",       "400",        "302"),
        new("GET /studio/{Key}",                                       "200",     "200",     "200",       "200",        "302"),
        new("POST /studio/{Key}",                                      "400",     "400",     "400",       "400",        "302"),
        new("GET /studio/{Key}/versions",                              "200",     "200",     "200",       "200",        "302"),
        new("POST /studio/{Key}/versions",                             "400",     "400",     "400",       "400",        "302"),
        new("GET /studio/{Key}/diff/{From:int}/{To:int}",              "200",     "200",     "200",       "200",        "302"),
        new("POST /studio/{Key}/diff/{From:int}/{To:int}",             "400",     "400",     "400",       "400",        "302"),
        new("GET /studio/{Key}/migrate",                               "403",     "403",     "200",       "200",        "302"),
        new("POST /studio/{Key}/migrate",                              "403",     "403",     "400",       "400",        "302"),
        new("GET /studio/{Key}/simulate",                              "403",     "403",     "200",       "200",        "302"),
        new("POST /studio/{Key}/simulate",                             "403",     "403",     "400",       "400",        "302"),
        new("GET /fristregler",                                        "403",     "403",     "403",       "200",        "302"),
        new("POST /fristregler",                                       "403",     "403",     "403",       "400",        "302"),
        new("GET /no-access",                                          "200",     "200",     "200",       "200",        "200"),
        new("POST /no-access",                                         "400",     "400",     "400",       "400",        "400"),
        // Where an idle session ends; it signs the cookie out, so it is open to everyone.
        new("GET /signed-out",                                         "200",     "200",     "200",       "200",        "200"),
        new("POST /signed-out",                                        "400",     "400",     "400",       "400",        "400"),
        new("GET /not-found",                                          "200",     "200",     "200",       "200",        "302"),
        new("POST /not-found",                                         "400",     "400",     "400",       "400",        "302"),
        // Blazor's circuit: the hub needs a signed-in user (the anonymous are sent to sign in).
        new("GET /_blazor",                                            "400",     "400",     "400",       "400",        "302"),
        new("GET /_blazor/negotiate",                                  "405",     "405",     "405",       "405",        "302"),
        new("GET /_blazor/disconnect",                                 "405",     "405",     "405",       "405",        "302"),
        new("GET /_blazor/initializers",                               "200",     "200",     "200",       "200",        "302"),
        new("GET /_framework/opaque-redirect",                         "400",     "400",     "400",       "400",        "302"),
        // Any other address under /api: 404 for every method once signed in.
        new("GET /api/{**path}",                                       "404",     "404",     "404",       "404",        "401"),
        // Development's fallback for files not yet in the build's manifest.
        new("GET /{**path:file}",                                      "404",     "404",     "404",       "404",        "302"),
        new("HEAD /{**path:file}",                                     "404",     "404",     "404",       "404",        "302"),

        // Cases: officers and chiefs of the case's office only.
        new("POST /api/cases",                                         "400",     "400",     "403",       "403",        "401"),
        new("GET /api/cases",                                          "200",     "200",     "403",       "403",        "401"),
        new("GET /api/cases/{id:guid}",                                "200/403", "200/403", "403",       "403",        "401"),
        new("POST /api/cases/{id:guid}/events",                        "409/403", "409/403", "403",       "403",        "401"),
        new("GET /api/cases/{id:guid}/plans",                          "200/403", "200/403", "403",       "403",        "401"),
        new("GET /api/cases/{id:guid}/plans/{version:int}",            "404/403", "404/403", "403",       "403",        "401"),
        new("GET /api/cases/{id:guid}/plans/{version:int}/copy",       "404/403", "404/403", "403",       "403",        "401"),
        new("GET /api/cases/{id:guid}/plans/{version:int}/copy.pdf",   "404/403", "404/403", "403",       "403",        "401"),
        new("POST /api/cases/{id:guid}/deadlines/{deadlineId:guid}/waive", "403", "400/403", "403",       "403",        "401"),
        new("POST /api/cases/{id:guid}/deadlines/{deadlineId:guid}/adjust", "403", "400/403", "403",      "400",        "401"),
        // Statements to the court: officers and chiefs of the case's office (the probe's body has no version: 400).
        new("GET /api/cases/{id:guid}/statements",                     "200/403", "200/403", "403",       "403",        "401"),
        new("GET /api/cases/{id:guid}/statements/draft",               "200/403", "200/403", "403",       "403",        "401"),
        new("PUT /api/cases/{id:guid}/statements/draft",               "400/403", "400/403", "403",       "403",        "401"),
        new("POST /api/cases/{id:guid}/statements/draft/finalise",     "400/403", "400/403", "403",       "403",        "401"),
        new("GET /api/cases/{id:guid}/statements/{number:int}/pdf",    "404/403", "404/403", "403",       "403",        "401"),

        // Instances: own office for officers and chiefs, every office for process owners and administrators.
        new("POST /api/instances",                                     "400",     "400",     "400",       "400",        "401"),
        new("GET /api/instances",                                      "403",     "403",     "200",       "200",        "401"),
        new("GET /api/instances/{id:guid}",                            "200/403", "200/403", "200",       "200",        "401"),
        new("GET /api/instances/{id:guid}/journal",                    "200/403", "200/403", "200",       "200",        "401"),
        new("POST /api/messages",                                      "409/403", "409/403", "409",       "409",        "401"),
        new("GET /api/incidents",                                      "403",     "403",     "200",       "200",        "401"),
        new("POST /api/incidents/{id:guid}/retry",                     "403",     "403",     "404",       "404",        "401"),

        // Tasks: anyone may look at their own office's tasks; only the candidate role (Officer here) may work them.
        new("GET /api/tasks",                                          "200",     "200",     "200",       "200",        "401"),
        new("GET /api/tasks/{id:guid}",                                "200/403", "200/403", "200",       "200",        "401"),
        new("POST /api/tasks/{id:guid}/claim",                         "409/403", "409/403", "403",       "403",        "401"),
        new("POST /api/tasks/{id:guid}/release",                       "409/403", "409/403", "409",       "409",        "401"),
        new("POST /api/tasks/{id:guid}/complete",                      "400/403", "400/403", "403",       "403",        "401"),

        // Reminders: everyone signed in reads their own (and their office queue's); marking one read is for its
        // recipient, checked by the service (the probe's id names none: 404).
        new("GET /api/notifications",                                  "200",     "200",     "200",       "200",        "401"),
        new("POST /api/notifications/{id:guid}/read",                  "404",     "404",     "404",       "404",        "401"),

        // Definitions: everyone signed in reads published versions; process owners change them; validation and drafts are
        // for those who edit (process owners and administrators).
        new("GET /api/definitions",                                    "200",     "200",     "200",       "200",        "401"),
        new("POST /api/definitions",                                   "403",     "403",     "400",       "400",        "401"),
        new("POST /api/definitions/validate",                          "403",     "403",     "400",       "400",        "401"),
        new("GET /api/definitions/{key}",                              "200",     "200",     "200",       "200",        "401"),
        new("GET /api/definitions/{key}/draft",                        "403",     "403",     "404",       "404",        "401"),
        new("PUT /api/definitions/{key}/draft",                        "403",     "403",     "400",       "400",        "401"),
        new("GET /api/definitions/{key}/draft/xml",                    "403",     "403",     "404",       "404",        "401"),
        new("POST /api/definitions/{key}/draft/publish",               "403",     "403",     "404",       "404",        "401"),
        new("GET /api/definitions/{key}/versions/{version:int}",       "200",     "200",     "200",       "200",        "401"),
        new("GET /api/definitions/{key}/versions/{version:int}/xml",   "200",     "200",     "200",       "200",        "401"),
        new("POST /api/definitions/{key}/versions/{version:int}/retire", "403",   "403",     "404",       "404",        "401"),

        // Reference data, the clock and the access log.
        new("GET /api/activities",                                     "200",     "200",     "200",       "200",        "401"),
        new("GET /api/deadline-rules",                                 "200",     "200",     "200",       "200",        "401"),
        new("POST /api/deadline-rules/{key}/versions",                 "403",     "403",     "403",       "400",        "401"),
        new("POST /api/deadline-rules/{key}/versions/{version:int}/preview", "403", "403",   "403",       "400",        "401"),
        new("POST /api/deadline-rules/{key}/versions/{version:int}/apply", "403",   "403",     "403",       "400",        "401"),
        // Migrations of running instances: process owners and administrators (the probe's empty request is a 400).
        new("POST /api/migrations/dry-run",                            "403",     "403",     "400",       "400",        "401"),
        new("POST /api/migrations/apply",                              "403",     "403",     "400",       "400",        "401"),
        new("GET /api/clock",                                          "200",     "200",     "200",       "200",        "401"),
        new("POST /api/clock/advance",                                 "403",     "403",     "403",       "400",        "401"),
        // Simulations in sandboxes: process owners and administrators (the probe's empty start is a 400; its simulation id
        // names none: 404). A simulation is its creator's; SimulationsApiTests shows that another's is refused.
        new("GET /api/simulations",                                    "403",     "403",     "200",       "200",        "401"),
        new("POST /api/simulations",                                   "403",     "403",     "400",       "400",        "401"),
        new("GET /api/simulations/{id:guid}",                          "403",     "403",     "404",       "404",        "401"),
        new("DELETE /api/simulations/{id:guid}",                       "403",     "403",     "404",       "404",        "401"),
        new("POST /api/simulations/{id:guid}/tasks/{taskId:guid}/complete", "403", "403",    "404",       "404",        "401"),
        new("POST /api/simulations/{id:guid}/messages",                "403",     "403",     "404",       "404",        "401"),
        new("POST /api/simulations/{id:guid}/advance",                 "403",     "403",     "404",       "404",        "401"),
        new("GET /api/access-log",                                     "403",     "403",     "403",       "200",        "401"),
    ];

    /// <summary>Endpoints whose target is in the body rather than the route: they are called with both targets too.</summary>
    private static readonly HashSet<string> TargetedByBody = ["POST /api/messages"];

    private static readonly (string Name, string? User)[] Callers =
        [("Officer", "anna"), ("Chief", "bertil"), ("ProcessOwner", "cecilia"), ("Administrator", "david"), ("Anonymous", null)];

    private CaseHost cases = null!;

    public async Task InitializeAsync() => cases = await CaseHost.StartAsync();

    public async Task DisposeAsync() => await cases.DisposeAsync();

    [Fact]
    public async Task EveryEndpoint_AnswersEachRole_AsTheMatrixSays()
    {
        var own = await TargetAsync("anna");
        var foreign = await TargetAsync("erik");
        var endpoints = MappedEndpoints();

        var unlisted = endpoints.Keys.Except(Matrix.Select(r => r.Endpoint)).ToList();
        var stale = Matrix.Select(r => r.Endpoint).Except(endpoints.Keys).ToList();
        Assert.True(unlisted.Count == 0, "Endpoints without a row in the authorization matrix: " + string.Join(", ", unlisted));
        Assert.True(stale.Count == 0, "Rows for endpoints the Host does not map: " + string.Join(", ", stale));

        var mismatches = new List<string>();
        foreach (var row in Matrix)
        {
            var takesId = endpoints[row.Endpoint].Contains(":guid}", StringComparison.Ordinal) || TargetedByBody.Contains(row.Endpoint);
            foreach (var (caller, user) in Callers)
            {
                var expected = row.For(caller);
                var ownStatus = await CallAsync(row.Endpoint, endpoints[row.Endpoint], own, user);
                var actual = takesId ? $"{ownStatus}/{await CallAsync(row.Endpoint, endpoints[row.Endpoint], foreign, user)}" : ownStatus.ToString();
                if (actual != expected && !(takesId && actual == $"{expected}/{expected}"))
                {
                    mismatches.Add($"{row.Endpoint} as {caller}: expected {expected}, got {actual}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, "The authorization matrix does not hold:\n" + string.Join("\n", mismatches));
    }

    /// <summary>"METHOD pattern" for every route the Host maps, with its pattern.</summary>
    private Dictionary<string, string> MappedEndpoints()
    {
        var sources = cases.Host.Services.GetServices<EndpointDataSource>();
        var result = new Dictionary<string, string>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().Where(e => !IsStaticAsset(e)))
        {
            var pattern = endpoint.RoutePattern.RawText ?? throw new InvalidOperationException($"{endpoint.DisplayName} has no route text.");
            pattern = pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
            pattern = pattern.StartsWith('/') ? pattern : "/" + pattern;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                result[$"{method} {pattern}"] = pattern;
            }
        }

        return result;
    }

    /// <summary>The files of the UI (styles, scripts, fonts) that MapStaticAssets serves: public, the same for everyone.</summary>
    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

    [Fact]
    public async Task StaticAssets_ArePublic_SoTheSignInPageHasItsStyles()
    {
        var assets = cases.Host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(IsStaticAsset).Select(e => e.RoutePattern.RawText!).ToList();
        Assert.Contains(assets, a => a.EndsWith("MudBlazor.min.css", StringComparison.Ordinal));
        foreach (var asset in new[] { "/_content/MudBlazor/MudBlazor.min.css", "/css/app.css", "/_framework/blazor.web.js" })
        {
            var response = await cases.Host.As(null).GetAsync(asset);
            Assert.True(response.IsSuccessStatusCode, $"{asset}: {(int)response.StatusCode}");
        }
    }

    /// <summary>A case at the office of <paramref name="creator"/>: its id, instance, open task (PlanDraft) and pending deadline.</summary>
    private async Task<Target> TargetAsync(string creator)
    {
        var caseId = await cases.CreateCaseAsync(creator);
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment(), creator); // the plan, with its deadline, comes next
        var details = await cases.CaseAsync(caseId, creator);
        return new Target(
            caseId,
            (string)details["workflowInstanceId"]!,
            (string)details["openTasks"]![0]!["id"]!,
            (string)details["deadlines"]![0]!["id"]!);
    }

    private async Task<int> CallAsync(string endpoint, string pattern, Target target, string? user)
    {
        var method = endpoint[..endpoint.IndexOf(' ')];
        var (path, body) = Probe(method, pattern, target);
        var client = cases.Host.As(null);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":")));
        }

        request.Content = body switch
        {
            null => null,
            FormUrlEncodedContent form => form,
            string xml => new StringContent(xml, Encoding.UTF8, "application/xml"),
            _ => new StringContent(JsonSerializer.Serialize(body, WorkflowJson.Options), Encoding.UTF8, "application/json"),
        };
        var response = await client.SendAsync(request);
        return (int)response.StatusCode;
    }

    /// <summary>The concrete, harmless call made for a row: the route's ids filled from the target, and a body.</summary>
    private static (string Path, object? Body) Probe(string method, string pattern, Target target)
    {
        // Definitions that a call would change are addressed by a key that does not exist.
        var key = method == "GET" ? "Supervision" : "NoSuchWorkflow";
        var path = pattern
            .Replace("/api/cases/{id:guid}", $"/api/cases/{target.CaseId}")
            .Replace("/cases/{id:guid}", $"/cases/{target.CaseId}")
            .Replace("/tasks/{Id:guid}", $"/tasks/{target.TaskId}")
            .Replace("/cases/{Id:guid}", $"/cases/{target.CaseId}")
            .Replace("/instances/{InstanceId:guid}", $"/instances/{target.InstanceId}")
            .Replace("{Version:int}", "1")
            .Replace("/studio/{Key}", "/studio/Supervision")
            .Replace("{From:int}/{To:int}", "1/1")
            .Replace("/api/instances/{id:guid}", $"/api/instances/{target.InstanceId}")
            .Replace("/api/tasks/{id:guid}", $"/api/tasks/{target.TaskId}")
            .Replace("/api/incidents/{id:guid}", $"/api/incidents/{Guid.Empty}")
            .Replace("/api/notifications/{id:guid}", $"/api/notifications/{Guid.Empty}")
            .Replace("/api/simulations/{id:guid}", $"/api/simulations/{Guid.Empty}")
            .Replace("{taskId:guid}", Guid.Empty.ToString())
            .Replace("{deadlineId:guid}", target.DeadlineId)
            .Replace("{version:int}", "1")
            .Replace("{number:int}", "1")
            .Replace("{key}", key)
            .Replace("{documentName}", "v1")
            .Replace("{documentName?}", "v1")
            .Replace("/{**path:file}", "/no-such-file.txt")
            .Replace("/api/{**path}", "/api/no-such-endpoint")
            .Replace("/{**path}", "");
        object? body = (method, pattern) switch
        {
            ("POST", "/login") => new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "nobody" }),
            ("POST", "/api/cases") => new { },
            ("POST", "/api/cases/{id:guid}/events") => new { name = "NoSuchEvent" },
            ("POST", "/api/cases/{id:guid}/deadlines/{deadlineId:guid}/waive") => new { reason = "" },
            ("POST", "/api/cases/{id:guid}/deadlines/{deadlineId:guid}/adjust") => new { reason = "" },
            ("POST", "/api/instances") => new { definitionKey = "Supervision", variables = new { office = "Göteborg" } },
            ("POST", "/api/messages") => new { name = "NoSuchMessage", instanceId = target.InstanceId },
            ("POST", "/api/tasks/{id:guid}/claim") => new { version = 999 },
            ("POST", "/api/tasks/{id:guid}/release") => new { version = 999 },
            ("POST", "/api/tasks/{id:guid}/complete") => new { data = new { } },
            ("POST", "/api/clock/advance") => new { },
            ("POST", "/api/definitions") or ("POST", "/api/definitions/validate") or ("PUT", "/api/definitions/{key}/draft") => "",
            _ when method is "POST" or "PUT" => new { },
            _ => null,
        };
        return (path, body);
    }

    private sealed record Target(string CaseId, string InstanceId, string TaskId, string DeadlineId);

    private sealed record Row(string Endpoint, string Officer, string Chief, string ProcessOwner, string Administrator, string Anonymous)
    {
        public string For(string caller) => caller switch
        {
            "Officer" => Officer,
            "Chief" => Chief,
            "ProcessOwner" => ProcessOwner,
            "Administrator" => Administrator,
            _ => Anonymous,
        };
    }
}
