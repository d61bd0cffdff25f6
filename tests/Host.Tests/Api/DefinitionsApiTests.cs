using System.Net.Http.Json;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Verkstallighet.Host.Tests.Support;

namespace Verkstallighet.Host.Tests.Api;

public sealed class DefinitionsApiTests : IAsyncLifetime
{
    private HostFactory host = null!;

    public async Task InitializeAsync() => host = await HostFactory.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    private const string Head = """<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:vp="urn:verkstallighet:bpmn:1" id="D">""";

    public static TheoryData<string, string, string?, string> BadDocuments => new()
    {
        { "malformed XML", Head + "<bpmn:process id=\"P\"><bpmn:startEvent id=\"S\">", null, "not well-formed" },
        { "DTD with an external entity", """<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</bpmn:definitions>""", null, "DTD" },
        { "unsupported element", Head + """<bpmn:process id="P" isExecutable="true"><bpmn:startEvent id="S"/><bpmn:complexGateway id="Complex"/><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="Complex"/></bpmn:process></bpmn:definitions>""", "Complex", "Complex gateways" },
        { "dangling sequence flow", Head + """<bpmn:process id="P" isExecutable="true"><bpmn:startEvent id="S"/><bpmn:sequenceFlow id="Dangling" sourceRef="S" targetRef="Gone"/></bpmn:process></bpmn:definitions>""", "Dangling", "does not exist" },
        { "missing condition", Head + """<bpmn:process id="P" isExecutable="true"><bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="G"/><bpmn:endEvent id="A"/><bpmn:endEvent id="B"/><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G"/><bpmn:sequenceFlow id="NoCondition" sourceRef="G" targetRef="A"/><bpmn:sequenceFlow id="f3" sourceRef="G" targetRef="B"><bpmn:conditionExpression>x</bpmn:conditionExpression></bpmn:sequenceFlow></bpmn:process></bpmn:definitions>""", "NoCondition", "without a condition" },
        { "unknown activity type", Head + """<bpmn:process id="P" isExecutable="true"><bpmn:startEvent id="S"/><bpmn:userTask id="Unknown" vp:activityType="Teleport"/><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="Unknown"/></bpmn:process></bpmn:definitions>""", "Unknown", "Unknown activity type" },
        { "not BPMN at all", "{\"json\": true}", null, "not well-formed" },
        { "process marked not executable", Head + """<bpmn:process id="P" isExecutable="false"><bpmn:startEvent id="S"/><bpmn:endEvent id="E"/><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="E"/></bpmn:process></bpmn:definitions>""", "P", "mark it executable" },
        { "FEEL condition", Head + """<bpmn:process id="P" isExecutable="true"><bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="G" default="f3"/><bpmn:endEvent id="A"/><bpmn:endEvent id="B"/><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G"/><bpmn:sequenceFlow id="Feel" sourceRef="G" targetRef="A"><bpmn:conditionExpression>=approved = true</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id="f3" sourceRef="G" targetRef="B"/></bpmn:process></bpmn:definitions>""", "Feel", "FEEL/JUEL is not supported; write the condition in JavaScript" },
        // The roles come from the domain's registration, so this also shows that it gives the engine all four.
        { "Camunda candidate group that is no role", Head.Replace("id=\"D\"", "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"D\"") + """<bpmn:process id="P" isExecutable="true"><bpmn:startEvent id="S"/><bpmn:userTask id="Group" camunda:candidateGroups="officers"/><bpmn:endEvent id="E"/><bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="Group"/><bpmn:sequenceFlow id="f2" sourceRef="Group" targetRef="E"/></bpmn:process></bpmn:definitions>""", "Group", "The roles are: Officer, Chief, ProcessOwner, Administrator." },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task BadDocument_Gets400WithElementLevelProblems_AndNothingIsStored(string what, string xml, string? elementId, string fragment)
    {
        _ = what;
        var client = host.As("cecilia");

        var response = await client.PostXmlAsync("/api/definitions", xml);

        var problem = await response.ProblemAsync(400);
        var problems = problem["problems"]!.AsArray();
        Assert.Contains(problems, p => (string?)p!["elementId"] == elementId && ((string)p["message"]!).Contains(fragment, StringComparison.OrdinalIgnoreCase));
        Assert.Empty((await (await client.GetAsync("/api/definitions")).OkJsonAsync()).AsArray());
    }

    [Fact]
    public async Task DocumentOverTheSizeLimit_Gets400_WithoutReadingItAll()
    {
        var xml = Head + "<!--" + new string('x', 3 * 1024 * 1024) + "-->";

        var response = await host.As("cecilia").PostXmlAsync("/api/definitions", xml);

        var problem = await response.ProblemAsync(400);
        Assert.Contains("limit", (string)problem["problems"]![0]!["message"]!);
    }

    [Fact]
    public async Task Publish_CreatesTheNextVersion_AndExportReturnsTheDocumentWithItsDiagram()
    {
        var client = host.As("cecilia");
        var xml = HttpJson.Read("Tour", "granskning.bpmn");

        var first = await client.PostXmlAsync("/api/definitions", xml);
        var second = await client.PostXmlAsync("/api/definitions", xml);

        Assert.Equal(System.Net.HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("/api/definitions/Granskning/versions/1", first.Headers.Location!.OriginalString);
        Assert.Equal(2, (int)(await second.OkJsonAsync())["version"]!);
        var export = await client.GetAsync("/api/definitions/Granskning/versions/1/xml");
        Assert.Equal("application/xml", export.Content.Headers.ContentType!.MediaType);
        Assert.Equal(xml, Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()));
        Assert.Equal(2, (await (await client.GetAsync("/api/definitions/Granskning")).OkJsonAsync()).AsArray().Count);
    }

    [Fact]
    public async Task Draft_IsSavedThenPublished_AndItsKeyMustMatchTheRoute()
    {
        var client = host.As("cecilia");
        var xml = HttpJson.Read("Tour", "granskning.bpmn");

        var wrongKey = await client.PutAsync("/api/definitions/Other/draft", new StringContent(xml, Encoding.UTF8, "application/xml"));
        var draft = await client.PutAsync("/api/definitions/Granskning/draft", new StringContent(xml, Encoding.UTF8, "application/xml"));
        var published = await client.PostAsync("/api/definitions/Granskning/draft/publish", null);

        Assert.Contains("'Granskning', not 'Other'", (string)(await wrongKey.ProblemAsync(400))["detail"]!);
        Assert.Equal("Draft", (string?)(await draft.OkJsonAsync())["draft"]!["status"]);
        Assert.Equal(1, (int)(await published.OkJsonAsync())["version"]!);
        await (await client.PostAsync("/api/definitions/Granskning/draft/publish", null)).ProblemAsync(404);
    }

    [Fact]
    public async Task Draft_WithProblems_IsSavedAndListsThem_ButPublishingItIsRefused_AndAPublishedNoteIsKept()
    {
        var client = host.As("cecilia");
        var xml = HttpJson.Read("Tour", "granskning.bpmn");
        var broken = xml.Replace("sourceRef=\"Review\"", "sourceRef=\"NoSuchTask\"");
        Assert.NotEqual(xml, broken);

        var saved = await (await client.PutAsync("/api/definitions/Granskning/draft", new StringContent(broken, Encoding.UTF8, "application/xml"))).OkJsonAsync();
        Assert.False((bool)saved["isValid"]!);
        Assert.NotEmpty(saved["problems"]!.AsArray());
        await (await client.PostAsJsonAsync("/api/definitions/Granskning/draft/publish", new { changeNote = "Trasig" })).ProblemAsync(400);

        await client.PutAsync("/api/definitions/Granskning/draft", new StringContent(xml, Encoding.UTF8, "application/xml"));
        var published = await (await client.PostAsJsonAsync("/api/definitions/Granskning/draft/publish", new { changeNote = "Första versionen." })).OkJsonAsync();
        Assert.Equal("Första versionen.", (string?)published["changeNote"]);
        var malformed = await client.PostAsync("/api/definitions/Granskning/draft/publish", new StringContent("{", Encoding.UTF8, "application/json"));
        await malformed.ProblemAsync(400);
    }

    [Fact]
    public async Task DocumentInIso88591_FromAnOlderTool_IsReadAndExportedAsUtf8()
    {
        var xml = HttpJson.Read("Tour", "granskning.bpmn").Replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes(xml));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/xml");

        await (await host.As("cecilia").PostAsync("/api/definitions", content)).OkJsonAsync();

        var exported = await (await host.As("cecilia").GetAsync("/api/definitions/Granskning/versions/1/xml")).Content.ReadAsStringAsync();
        Assert.Contains("Granska ärendet", exported);
        Assert.Contains("encoding=\"UTF-8\"", exported);
    }

    [Fact]
    public async Task Validate_ListsEveryProblem_WithoutStoringAnything()
    {
        var client = host.As("cecilia");
        var xml = Head + """
            <bpmn:process id="P" isExecutable="true"><bpmn:startEvent id="S"/><bpmn:exclusiveGateway id="G"/>
            <bpmn:userTask id="Unknown" vp:activityType="Teleport"/><bpmn:endEvent id="A"/><bpmn:endEvent id="B"/>
            <bpmn:sequenceFlow id="f1" sourceRef="S" targetRef="G"/><bpmn:sequenceFlow id="NoCondition" sourceRef="G" targetRef="A"/>
            <bpmn:sequenceFlow id="f3" sourceRef="G" targetRef="B"><bpmn:conditionExpression>x</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="Dangling" sourceRef="S" targetRef="Gone"/></bpmn:process></bpmn:definitions>
            """;

        var result = await (await client.PostXmlAsync("/api/definitions/validate", xml)).OkJsonAsync();

        Assert.False((bool)result["valid"]!);
        var problems = result["problems"]!.AsArray().Select(p => ((string?)p!["elementId"], (string)p["message"]!)).OrderBy(p => p.Item1).ToList();
        Assert.Collection(problems,
            p => Assert.Equal(("Dangling", "The sequence flow's target 'Gone' does not exist (dangling sequence flow)."), p),
            p => Assert.Equal(("NoCondition", "The flow leaves exclusive gateway 'G' without a condition; give it a condition or make it the gateway's default flow."), p),
            p => Assert.Equal(("Unknown", "Unknown activity type 'Teleport'."), p));
        Assert.Empty((await (await client.GetAsync("/api/definitions")).OkJsonAsync()).AsArray());
        await (await client.GetAsync("/api/definitions/P/draft")).ProblemAsync(404);
    }

    [Theory]
    [InlineData("anna")]
    [InlineData("bertil")]
    public async Task Validate_AndDrafts_AreForbidden_ToOfficersAndChiefs(string user)
    {
        var client = host.As(user);

        var validate = await client.PostXmlAsync("/api/definitions/validate", HttpJson.Read("Tour", "granskning.bpmn"));
        var draft = await client.GetAsync("/api/definitions/Granskning/draft");
        var draftXml = await client.GetAsync("/api/definitions/Granskning/draft/xml");

        Assert.Contains("ProcessOwner or Administrator", (string)(await validate.ProblemAsync(403))["detail"]!);
        await draft.ProblemAsync(403);
        await draftXml.ProblemAsync(403);
    }

    [Theory]
    [InlineData("cecilia")]
    [InlineData("david")]
    public async Task Validate_IsAllowed_ToProcessOwnersAndAdministrators(string user)
    {
        var response = await host.As(user).PostXmlAsync("/api/definitions/validate", HttpJson.Read("Tour", "granskning.bpmn"));

        Assert.True((bool)(await response.OkJsonAsync())["valid"]!);
    }

    [Fact]
    public async Task DeeplyNestedDocument_IsRefusedWithTheLimitAndWhere_AndNothingIsStored()
    {
        // 150,000 levels in 1.65 MB once kept a core busy for 7.5 minutes, and was then stored.
        const int depth = 150_000;
        var xml = new StringBuilder(Head).Append("""<bpmn:process id="Deep" isExecutable="true"><bpmn:startEvent id="S"/><bpmn:endEvent id="E"><bpmn:extensionElements>""");
        xml.Insert(xml.Length, "<a>", depth).Insert(xml.Length, "</a>", depth);
        xml.Append("""</bpmn:extensionElements></bpmn:endEvent><bpmn:sequenceFlow id="f" sourceRef="S" targetRef="E"/></bpmn:process></bpmn:definitions>""");
        var client = host.As("cecilia");

        var published = await client.PostXmlAsync("/api/definitions", xml.ToString());
        var drafted = await client.PutAsync("/api/definitions/Deep/draft", new StringContent(xml.ToString(), Encoding.UTF8, "application/xml"));
        var validated = await (await client.PostXmlAsync("/api/definitions/validate", xml.ToString())).OkJsonAsync();

        foreach (var problem in new[] { await published.ProblemAsync(400), await drafted.ProblemAsync(400), validated.AsObject() })
        {
            var message = (string)Assert.Single(problem["problems"]!.AsArray())!["message"]!;
            Assert.Contains("nested more than 128 deep", message);
            Assert.Contains("line 1, position", message);
        }

        Assert.Empty((await (await client.GetAsync("/api/definitions")).OkJsonAsync()).AsArray());
    }

    [Fact]
    public async Task Validation_PastItsTimeBudget_Gets400_AndNothingIsStored()
    {
        await using var hurried = host.WithWebHostBuilder(builder => builder.UseSetting("Workflows:Definitions:ValidationBudget", "00:00:00.0000001"));
        var client = hurried.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("cecilia:")));
        var xml = HttpJson.Read("Tour", "granskning.bpmn");

        var validated = await client.PostXmlAsync("/api/definitions/validate", xml);
        var published = await client.PostXmlAsync("/api/definitions", xml);

        foreach (var problem in new[] { await validated.ProblemAsync(400), await published.ProblemAsync(400) })
        {
            Assert.Contains("time budget", (string)Assert.Single(problem["problems"]!.AsArray())!["message"]!);
        }

        Assert.Empty((await (await host.As("cecilia").GetAsync("/api/definitions")).OkJsonAsync()).AsArray());
    }

    [Fact]
    public async Task Publishing_NeedsTheProcessOwnerRole_AndTheRefusalSaysWhy()
    {
        var response = await host.As("anna").PostXmlAsync("/api/definitions", HttpJson.Read("Tour", "granskning.bpmn"));

        var problem = await response.ProblemAsync(403);
        Assert.Contains("ProcessOwner", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Retire_StopsNewStarts()
    {
        var client = host.As("cecilia");
        await client.PostXmlAsync("/api/definitions", HttpJson.Read("Tour", "granskning.bpmn"));

        await (await client.PostAsync("/api/definitions/Granskning/versions/1/retire", null)).OkJsonAsync();
        var start = await host.As("anna").PostJsonAsync("/api/instances", new { definitionKey = "Granskning" });

        await start.ProblemAsync(404);
        await (await client.PostAsync("/api/definitions/Granskning/versions/1/retire", null)).ProblemAsync(409);
    }
}
