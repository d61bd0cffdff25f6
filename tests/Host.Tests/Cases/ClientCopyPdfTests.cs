using UglyToad.PdfPig;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Cases;

/// <summary>
/// GET /api/cases/{id}/plans/{version}/copy.pdf: the client's copy of an established plan (KVFS 2011:5 12 §) as a PDF,
/// read back with PdfPig so the assertions are on the text a reader (or a screen reader) gets out of it.
/// </summary>
public sealed class ClientCopyPdfTests : IAsyncLifetime
{
    private CaseHost cases = null!;

    public async Task InitializeAsync() => cases = await CaseHost.StartAsync();

    public async Task DisposeAsync() => await cases.DisposeAsync();

    [Fact]
    public async Task EstablishedPlan_IsAnA4PdfDownload_WithClientMeasuresAndDates_AndThePersonnummerMasked()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.EstablishPlanAsync(caseId);

        var response = await cases.Host.As("anna").GetAsync($"/api/cases/{caseId}/plans/1/copy.pdf");

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith("-v1.pdf", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var page = pdf.GetPage(1);
        Assert.Equal((595, 842), ((int)Math.Round(page.Width), (int)Math.Round(page.Height)));
        var text = TextOf(pdf);
        Assert.Contains("Verkställighetsplan", text);
        Assert.Contains("Kim Karlsson, 19850315-****", text);
        Assert.DoesNotContain(CaseHost.Personnummer, text);
        Assert.DoesNotContain("2384", text);
        Assert.Contains("Påföljd: Skyddstillsyn", text);
        Assert.Contains("Planversion 1", text);
        Assert.Contains("Fastställd 2026-01-31 av bertil vid kollegium 2026-01-31.", text);
        Assert.Contains("Delta i programmet Återfallsprevention", text);
        Assert.Contains("Klar senast: 2026-06-30", text);
        Assert.Contains("Uppföljning: Kontakt med programledaren varje månad", text);
        Assert.Contains("Skriva in sig hos Arbetsförmedlingen", text);
        Assert.Contains("Klar senast: 2026-03-31", text);
        Assert.Contains("Ansvarig: Arbetsförmedlingen", text);
        Assert.Contains("Område: Sysselsättning", text);
        Assert.Contains("KVFS 2011:5 12 §", text);
        Assert.Contains($"anna Read client's copy (PDF) of plan version 1", await cases.AccessLogAsync(caseId));
    }

    [Fact]
    public async Task PlanWithManyMeasures_ContinuesOnMorePages_AndWrapsLongTextWithinThePage()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        var measures = Enumerable.Range(1, 30).Select(i => new
        {
            description = $"Åtgärd nummer {i}: " + string.Join(' ', Enumerable.Repeat("delta i samtal om boende, sysselsättning och ekonomi", 4)),
            area = "Sysselsättning",
            responsible = "Frivården",
            dueDate = $"2026-{(i % 9) + 3:00}-{(i % 27) + 1:00}",
            followUpMethod = "Samtal med klienten varje månad",
        }).ToArray();
        await cases.DoAsync(caseId, "PlanDraft", new { clientParticipation = "Yes", measures });
        await cases.DoAsync(caseId, "PlanEstablish", CaseHost.Establishment(), "bertil");

        var response = await cases.Host.As("anna").GetAsync($"/api/cases/{caseId}/plans/1/copy.pdf");

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.True(pdf.NumberOfPages > 1, $"{pdf.NumberOfPages} page(s)");
        var text = TextOf(pdf);
        foreach (var i in Enumerable.Range(1, 30))
        {
            Assert.Contains($"Åtgärd nummer {i}:", text);
        }

        foreach (var page in pdf.GetPages())
        {
            Assert.All(page.GetWords(), word => Assert.True(
                word.BoundingBox.Left >= 0 && word.BoundingBox.Right <= page.Width && word.BoundingBox.Bottom >= 0 && word.BoundingBox.Top <= page.Height,
                $"'{word.Text}' on page {page.Number} lies outside the page"));
        }
    }

    [Fact]
    public async Task OfficerOfAnotherOffice_Gets403_AndTheRefusalIsLogged()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.EstablishPlanAsync(caseId);

        await (await cases.Host.As("erik").GetAsync($"/api/cases/{caseId}/plans/1/copy.pdf")).ProblemAsync(403);

        Assert.Contains("erik Denied client's copy (PDF) of plan version 1", await cases.AccessLogAsync(caseId));
    }

    [Fact]
    public async Task PlanNotYetEstablished_Is409_AndAMissingVersionIs404_AsForThePrintableCopy()
    {
        var caseId = await cases.CreateCaseAsync();
        await cases.DoAsync(caseId, "Assess", CaseHost.Assessment());
        await cases.DoAsync(caseId, "PlanDraft", CaseHost.Draft());

        await (await cases.Host.As("anna").GetAsync($"/api/cases/{caseId}/plans/1/copy.pdf")).ProblemAsync(409);
        await (await cases.Host.As("anna").GetAsync($"/api/cases/{caseId}/plans/1/copy")).ProblemAsync(409);
        await (await cases.Host.As("anna").GetAsync($"/api/cases/{caseId}/plans/2/copy.pdf")).ProblemAsync(404);
        await (await cases.Host.As("anna").GetAsync($"/api/cases/{caseId}/plans/2/copy")).ProblemAsync(404);
    }

    [Fact]
    public async Task OpenApi_DeclaresThePdf_AndEveryRefusal()
    {
        var document = await (await cases.Host.As("anna").GetAsync("/openapi/v1.json")).OkJsonAsync();

        var responses = document["paths"]!["/api/cases/{id}/plans/{version}/copy.pdf"]!["get"]!["responses"]!.AsObject();
        Assert.NotNull(responses["200"]!["content"]!["application/pdf"]);
        Assert.All(new[] { "403", "404", "409" }, status => Assert.NotNull(responses[status]));
    }

    /// <summary>The words of every page, each separated by one space, so phrases can be matched whatever the spacing in the file.</summary>
    private static string TextOf(PdfDocument pdf) =>
        string.Join(' ', pdf.GetPages().SelectMany(page => page.GetWords()).Select(word => word.Text));
}
