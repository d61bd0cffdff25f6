using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Acornima;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;

namespace Verkstallighet.Workflows.Expressions;

/// <summary>
/// Evaluates JavaScript expressions (gateway conditions, computed inputs) with Jint, with the instance variables in
/// scope. Each evaluation gets a fresh engine limited in time, statements, recursion and memory, and no .NET access.
/// </summary>
public sealed class ScriptSandbox(ScriptSandboxOptions options)
{
    private readonly ConcurrentDictionary<string, Prepared<Script>> prepared = new(StringComparer.Ordinal);

    public ScriptSandbox() : this(new ScriptSandboxOptions())
    {
    }

    /// <summary>
    /// Removes a leading <c>=</c> (the mark of an input expression) or a <c>${…}</c>/<c>#{…}</c> wrapper. What remains is
    /// JavaScript. Validation now refuses such wrapped conditions as FEEL/JUEL, but versions published before that
    /// still carry them.
    /// </summary>
    public static string Unwrap(string expression)
    {
        var text = expression.Trim();
        if (text.StartsWith('='))
        {
            return text[1..].Trim();
        }

        if (text.Length > 3 && (text.StartsWith("${", StringComparison.Ordinal) || text.StartsWith("#{", StringComparison.Ordinal)) && text.EndsWith('}'))
        {
            return text[2..^1].Trim();
        }

        return text;
    }

    /// <summary>Returns the syntax error of an expression, or null when it parses.</summary>
    public static string? SyntaxError(string expression)
    {
        var code = Unwrap(expression);
        if (code.Length == 0)
        {
            return "The expression is empty.";
        }

        try
        {
            var script = new Parser(new ParserOptions { AllowReturnOutsideFunction = false }).ParseScript(Wrap(code), strict: true);
            // An expression reads the variables; it never writes them. This also catches FEEL's equality in Zeebe
            // models ("=approved = true"), which JavaScript would read as an assignment: truthy, so the branch is
            // silently always taken.
            return Assigns(script)
                ? "An expression may not assign (=, +=, ++, …); compare with == or ===."
                : null;
        }
        catch (ParseErrorException e)
        {
            return $"The expression is not valid JavaScript: {e.Description}.";
        }
        catch (InsufficientExecutionStackException)
        {
            return TooDeeplyNested;
        }
    }

    private const string TooDeeplyNested = "The expression is nested too deeply to be read.";

    /// <summary>Whether the expression itself assigns; a function inside it may change its own locals.</summary>
    private static bool Assigns(Node node)
    {
        // The parser guards its own recursion; this walk of its tree does the same rather than overflow the stack.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return node is AssignmentExpression or UpdateExpression || node.ChildNodes.Any(child => child is not IFunction && Assigns(child));
    }

    public bool EvaluateCondition(string expression, JsonObject variables) =>
        TypeConverter.ToBoolean(Run(expression, variables, (_, value) => value));

    public JsonNode? Evaluate(string expression, JsonObject variables) =>
        Run(expression, variables, ToJson);

    private T Run<T>(string expression, JsonObject variables, Func<Engine, JsValue, T> convert)
    {
        var code = Unwrap(expression);
        Prepared<Script> script;
        try
        {
            script = prepared.GetOrAdd(code, static c =>
            {
                var ready = Engine.PrepareScript(Wrap(c), strict: true);
                return Assigns(ready.Program!)
                    ? throw new ScriptException($"The expression '{c}' assigns; an expression may only read the variables (compare with == or ===).")
                    : ready;
            });
        }
        catch (ParseErrorException e)
        {
            throw new ScriptException($"The expression '{code}' is not valid JavaScript: {e.Description}.", e);
        }
        catch (Exception e) when (e is InsufficientExecutionStackException || e.InnerException is InsufficientExecutionStackException)
        {
            // Jint wraps the parser's stack guard in a ScriptPreparationException.
            throw new ScriptException($"The expression '{Shorten(code)}': {TooDeeplyNested}", e);
        }

        var engine = new Engine(o => o
            .Strict()
            .LimitRecursion(options.MaxRecursion)
            .MaxStatements(options.MaxStatements)
            .TimeoutInterval(options.Timeout)
            .LimitMemory(options.MaxMemoryBytes)
            .RegexTimeoutInterval(options.RegexTimeout)
            .DisableStringCompilation());
        try
        {
            var parser = new JsonParser(engine);
            foreach (var (name, value) in variables)
            {
                engine.SetValue(name, value is null ? JsValue.Null : parser.Parse(value.ToJsonString()));
            }

            return convert(engine, engine.Evaluate(script));
        }
        catch (JavaScriptException e)
        {
            throw new ScriptException($"The expression '{code}' failed: {e.Message}", e);
        }
        catch (Exception e) when (LimitReached(e) is { } limit)
        {
            throw new ScriptException($"The expression '{code}' was stopped by the sandbox: {limit}.", e);
        }
        catch (Exception e) when (e is JintException or InvalidOperationException)
        {
            throw new ScriptException($"The expression '{code}' failed: {e.Message}", e);
        }
    }

    /// <summary>Which limit stopped the evaluation, in words that name it; null when it was no limit.</summary>
    private string? LimitReached(Exception e) => e switch
    {
        StatementsCountOverflowException => $"it ran more than {options.MaxStatements} statements (the statement limit)",
        RecursionDepthOverflowException => $"it nested calls deeper than {options.MaxRecursion} (the recursion limit)",
        MemoryLimitExceededException => $"it allocated more than {options.MaxMemoryBytes} bytes (the memory limit)",
        RegexMatchTimeoutException => $"a regular expression ran longer than {options.RegexTimeout.TotalSeconds:0.###} s (the regex time limit)",
        TimeoutException => $"it ran longer than {options.Timeout.TotalSeconds:0.###} s (the time limit)",
        InsufficientExecutionStackException => TooDeeplyNested,
        ExecutionCanceledException => "it was cancelled",
        _ => null,
    };

    private static string Shorten(string code) => code.Length <= 200 ? code : code[..200] + "…";

    private static string Wrap(string code) => "(" + code + "\n)";

    private static JsonNode? ToJson(Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        var json = new JsonSerializer(engine).Serialize(value);
        return json.IsUndefined() ? null : JsonNode.Parse(json.AsString());
    }
}
