using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Definitions;

namespace Verkstallighet.Host.Api.Definitions;

/// <summary>The body of a request that sends a BPMN document.</summary>
public static class BpmnRequestBody
{
    /// <summary>
    /// Reads a BPMN document from the body, refusing more than the parser's limit with a 400 that says so, without
    /// reading the rest.
    /// </summary>
    public static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var limit = BpmnParser.DefaultMaxBytes;
        if (request.ContentLength > limit)
        {
            throw TooLarge(request.ContentLength.Value, limit);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw TooLarge(null, limit);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new DefinitionInvalidException([new ValidationProblem(null, "The request body is empty; send the BPMN XML document.")]);
        }

        return BpmnText.TryDecode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var text, out var error)
            ? text
            : throw new DefinitionInvalidException([new ValidationProblem(null, error!)]);
    }

    private static DefinitionInvalidException TooLarge(long? size, int limit) =>
        new([new ValidationProblem(null, size is null
            ? $"The document is larger than the limit of {limit} bytes."
            : $"The document is {size} bytes; the limit is {limit} bytes.")]);
}
