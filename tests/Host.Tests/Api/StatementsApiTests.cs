using System.Text;
using System.Text.Json;
using UglyToad.PdfPig;
using Verkstallighet.Host.Tests.Support;
using Verkstallighet.Workflows.Json;

namespace Verkstallighet.Host.Tests.Api;

/// <summary>/api/cases/{id}/statements: the statement to the court (general advice to 5 kap. 9 § förordningen (1998:642)) over HTTP.</summary>
public sealed class StatementsApiTests : IAsyncLifetime
{
    private CaseHost cases = null!;

    public async Task InitializeAsync() => cases = await CaseHost.StartAsync();

    public async Task DisposeAsync() => await cases.DisposeAsync();

    [Fact]
    public async Task Statement_IsAssembledSavedFinalised_AndItsPdfHasTheSectionsAndTheMaskedPersonnummer()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.EstablishPlanAsync(caseId);
        var anna = cases.Host.As("anna");

        var draft = await (await anna.GetAsync($"/api/cases/{caseId}/statements/draft")).OkJsonAsync();
        Assert.Equal((0, false), ((int)draft["version"]!, (bool)draft["stored"]!));
        Assert.Contains("Delta i programmet Återfallsprevention", (string)draft["currentSituation"]!);

        var saved = await (await PutAsync(anna, caseId, new
        {
            version = 0,
            currentSituation = (string)draft["currentSituation"]!,
            supervisionOutcome = (string)draft["supervisionOutcome"]!,
            clientView = "Den dömde har informerats och instämmer.",
            continuedSupervision = "Det finns förutsättningar för fortsatt övervakning.",
        })).OkJsonAsync();
        Assert.Equal((1, 1, "Draft"), ((int)saved["version"]!, (int)saved["number"]!, (string)saved["status"]!));
        await (await anna.GetAsync($"/api/cases/{caseId}/statements/1/pdf")).ProblemAsync(409);

        var final = await (await anna.PostJsonAsync($"/api/cases/{caseId}/statements/draft/finalise", new { version = 1 })).OkJsonAsync();
        Assert.Equal(("Final", "anna"), ((string)final["status"]!, (string)final["finalisedBy"]!));
        var listed = await (await anna.GetAsync($"/api/cases/{caseId}/statements")).OkJsonAsync();
        Assert.Equal("Final", (string)listed[0]!["status"]!);

        var response = await anna.GetAsync($"/api/cases/{caseId}/statements/1/pdf");
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(("application/pdf", "attachment"), (response.Content.Headers.ContentType!.MediaType, response.Content.Headers.ContentDisposition!.DispositionType));
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(' ', pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        Assert.Contains("Yttrande i brottmål", text);
        Assert.Contains("Angående Kim Karlsson, 19850315-****", text);
        Assert.DoesNotContain("2384", text);
        Assert.Contains("Aktuell situation", text);
        Assert.Contains("Delta i programmet Återfallsprevention", text);
        Assert.Contains("Hur övervakningen har fungerat", text);
        Assert.Contains("Den dömdes inställning Den dömde har informerats och instämmer.", text);
        Assert.Contains("Förutsättningar för fortsatt övervakning Det finns förutsättningar för fortsatt övervakning.", text);
        Assert.Contains("Slutfört 2026-01-31 av anna.", text);
        Assert.Contains("anna Read court statement 1 (PDF)", await cases.AccessLogAsync(caseId));
        await (await anna.GetAsync($"/api/cases/{caseId}/statements/2/pdf")).ProblemAsync(404);
    }

    [Fact]
    public async Task BadInput_StaleSaves_AndChangesToAFinalisedStatement_AreProblemDetails()
    {
        var caseId = await cases.CreateCaseAsync();
        var anna = cases.Host.As("anna");

        var noVersion = await (await PutAsync(anna, caseId, new { continuedSupervision = "Text." })).ProblemAsync(400);
        Assert.Contains("version", (string)noVersion["detail"]!);
        var tooLong = await (await PutAsync(anna, caseId, new { version = 0, clientView = new string('x', 20_001) })).ProblemAsync(400);
        Assert.Contains("högst 20000 tecken", (string)tooLong["errors"]!["clientView"]![0]!);
        var malformed = await anna.PutAsync($"/api/cases/{caseId}/statements/draft", new StringContent("{\"version\":", Encoding.UTF8, "application/json"));
        await malformed.ProblemAsync(400);

        await (await PutAsync(anna, caseId, new { version = 0, currentSituation = "Situation.", supervisionOutcome = "Utfall." })).OkJsonAsync();
        var incomplete = await (await anna.PostJsonAsync($"/api/cases/{caseId}/statements/draft/finalise", new { version = 1 })).ProblemAsync(400);
        Assert.Contains("Förutsättningar för fortsatt övervakning", (string)incomplete["errors"]!["continuedSupervision"]![0]!);
        Assert.NotNull(incomplete["errors"]!["clientView"]);

        await (await PutAsync(cases.Host.As("olle"), caseId, new { version = 1, currentSituation = "Situation.", supervisionOutcome = "Utfall.", clientView = "Instämmer.", continuedSupervision = "Förutsättningar finns." })).OkJsonAsync();
        var stale = await (await PutAsync(anna, caseId, new { version = 1, continuedSupervision = "Annas text." })).ProblemAsync(409);
        Assert.Contains("saved by olle", (string)stale["detail"]!);

        await (await anna.PostJsonAsync($"/api/cases/{caseId}/statements/draft/finalise", new { version = 2 })).OkJsonAsync();
        var changed = await (await PutAsync(anna, caseId, new { version = 3, continuedSupervision = "Ändrad." })).ProblemAsync(409);
        Assert.Contains("does not change", (string)changed["detail"]!);
        await (await anna.PostJsonAsync($"/api/cases/{caseId}/statements/draft/finalise", new { version = 3 })).ProblemAsync(409);
        await (await cases.Host.As("erik").GetAsync($"/api/cases/{caseId}/statements/1/pdf")).ProblemAsync(403);
        Assert.Contains("erik Denied court statement 1 (PDF)", await cases.AccessLogAsync(caseId));
    }

    [Fact]
    public async Task OpenApi_DeclaresThePdf_AndTheProblemsOfEachStatementEndpoint()
    {
        var document = await (await cases.Host.As("anna").GetAsync("/openapi/v1.json")).OkJsonAsync();
        var paths = document["paths"]!;

        Assert.NotNull(paths["/api/cases/{id}/statements/{number}/pdf"]!["get"]!["responses"]!["200"]!["content"]!["application/pdf"]);
        Assert.All(new[] { "400", "403", "409" }, status => Assert.NotNull(paths["/api/cases/{id}/statements/draft"]!["put"]!["responses"]![status]));
        Assert.All(new[] { "400", "403", "409" }, status => Assert.NotNull(paths["/api/cases/{id}/statements/draft/finalise"]!["post"]!["responses"]![status]));
        Assert.NotNull(paths["/api/cases/{id}/statements/draft"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string caseId, object body) =>
        client.PutAsync($"/api/cases/{caseId}/statements/draft", new StringContent(JsonSerializer.Serialize(body, WorkflowJson.Options), Encoding.UTF8, "application/json"));
}
