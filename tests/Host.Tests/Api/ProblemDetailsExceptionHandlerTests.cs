using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Verkstallighet.Activities.Documents;
using Verkstallighet.Host.Api;

namespace Verkstallighet.Host.Tests.Api;

public sealed class ProblemDetailsExceptionHandlerTests
{
    [Fact]
    public async Task MissingFonts_Answer503_WithTheMessageThatNamesThePackage()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = new ProblemDetailsExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemDetailsExceptionHandler>.Instance);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = "/api/cases/1/plans/1/copy.pdf";
        context.Response.Body = new MemoryStream();

        var handled = await handler.TryHandleAsync(context, new FontsMissingException("Install fonts-dejavu-core."), CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var problem = JsonNode.Parse(await new StreamReader(context.Response.Body).ReadToEndAsync())!;
        Assert.Contains("fonts-dejavu-core", (string)problem["detail"]!);
    }
}
