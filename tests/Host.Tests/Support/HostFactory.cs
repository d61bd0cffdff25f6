using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Verkstallighet.Tests.Support;
using Verkstallighet.Workflows.Json;

namespace Verkstallighet.Host.Tests.Support;

/// <summary>The real Host (Program) on a fresh database, in Development, on the simulated clock unless told otherwise.</summary>
public sealed class HostFactory(string connectionString, string clockMode = "Simulated", string? seedDirectory = null, string environment = "Development", ILoggerFactory? logging = null,
    Action<IWebHostBuilder>? configure = null)
    : WebApplicationFactory<Program>
{
    public const string ClockStart = "2026-01-31T08:00:00Z";

    /// <param name="kestrel">
    /// Serve on a real socket (a port the system picks, so parallel tests never race for one), for a browser; otherwise
    /// in memory.
    /// </param>
    public static async Task<HostFactory> StartAsync(string clockMode = "Simulated", string? seedDirectory = null, ILoggerFactory? logging = null, bool kestrel = false)
    {
        var factory = new HostFactory(await TestPostgres.CreateDatabaseAsync(), clockMode, seedDirectory, logging: logging);
        if (kestrel)
        {
            factory.UseKestrel(0);
        }

        factory.StartServer(); // starts the Host: migrate, seed, sweep registration
        return factory;
    }

    /// <summary>Where a browser finds the Host (Kestrel's address once started with kestrel: true).</summary>
    public Uri BaseAddress => ClientOptions.BaseAddress;

    public string ConnectionString { get; } = connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Workflows", ConnectionString);
        builder.UseSetting("Clock:Mode", clockMode);
        builder.UseSetting("Clock:Start", ClockStart);
        builder.UseSetting("Workflows:HangfireWorkers", "4");
        builder.UseSetting("Workflows:SeedDirectory", seedDirectory ?? Path.Combine(Path.GetTempPath(), "no-workflows-here"));
        // Hangfire keeps one process-wide log provider; a logger factory that is never disposed keeps it usable
        // when several Hosts come and go in one test process.
        builder.ConfigureServices(services => services.AddSingleton(logging ?? NullLoggerFactory.Instance));
        configure?.Invoke(builder);
    }

    /// <summary>A client signed in as a seeded development user (HTTP Basic, empty password), or anonymous.</summary>
    public HttpClient As(string? user)
    {
        // BaseAddress: on Kestrel the factory's own options carry the real port; fresh options would say localhost:80.
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":")));
        }

        return client;
    }
}

public static class HttpJson
{
    public static Task<HttpResponseMessage> PostXmlAsync(this HttpClient client, string url, string xml) =>
        client.PostAsync(url, new StringContent(xml, Encoding.UTF8, "application/xml"));

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsync(url, new StringContent(JsonSerializer.Serialize(body, WorkflowJson.Options), Encoding.UTF8, "application/json"));

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty JSON.");
    }

    public static async Task<JsonNode> OkJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Asserts a ProblemDetails response with the status, and returns it.</summary>
    public static async Task<JsonObject> ProblemAsync(this HttpResponseMessage response, int status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(status, (int)problem["status"]!);
        return problem;
    }

    public static string Read(string folder, string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, folder, file));
}
