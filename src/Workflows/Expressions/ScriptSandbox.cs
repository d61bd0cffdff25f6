using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;

namespace Verkstallighet.Workflows.Expressions;

public sealed class ScriptSandboxOptions
{
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(250);

    public int MaxStatements { get; set; } = 10_000;

    public int MaxRecursion { get; set; } = 64;

    public long MaxMemoryBytes { get; set; } = 8 * 1024 * 1024;
}

/// <summary>An expression failed: bad syntax, an unknown variable, a thrown error, or a limit of the sandbox.</summary>
public sealed class ScriptException(string message, Exception? inner = null) : Exception(message, inner);

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
    /// Removes the wrappers other tools put around expressions: a leading <c>=</c> (Zeebe) or <c>${…}</c>/<c>#{…}</c>
    /// (Camunda, Activiti). What remains is JavaScript.
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
    }

    /// <summary>Whether the expression itself assigns; a function inside it may change its own locals.</summary>
    private static bool Assigns(Node node) =>
        node is AssignmentExpression or UpdateExpression || node.ChildNodes.Any(child => child is not IFunction && Assigns(child));

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

        var engine = new Engine(o => o
            .Strict()
            .LimitRecursion(options.MaxRecursion)
            .MaxStatements(options.MaxStatements)
            .TimeoutInterval(options.Timeout)
            .LimitMemory(options.MaxMemoryBytes)
            .RegexTimeoutInterval(options.Timeout)
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
        catch (Exception e) when (e is TimeoutException or StatementsCountOverflowException or RecursionDepthOverflowException
                                      or MemoryLimitExceededException or ExecutionCanceledException)
        {
            throw new ScriptException($"The expression '{code}' was stopped by the sandbox: {e.Message}", e);
        }
        catch (Exception e) when (e is JintException or InvalidOperationException)
        {
            throw new ScriptException($"The expression '{code}' failed: {e.Message}", e);
        }
    }

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
