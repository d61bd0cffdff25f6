namespace Verkstallighet.Workflows.Expressions;

/// <summary>
/// The limits of one evaluation. The statement, recursion and memory limits stop runaway scripts; the time limits are a
/// backstop, generous because wall-clock time on busy cores (and the first, compiling call) says little about a script.
/// </summary>
public sealed class ScriptSandboxOptions
{
    /// <summary>Wall-clock time one evaluation may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time one regular-expression match may take (a match is a single statement, so only this stops backtracking).</summary>
    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public int MaxStatements { get; set; } = 10_000;

    public int MaxRecursion { get; set; } = 64;

    public long MaxMemoryBytes { get; set; } = 8 * 1024 * 1024;

    public bool IsValid => Timeout > TimeSpan.Zero && RegexTimeout > TimeSpan.Zero && MaxStatements > 0 && MaxRecursion > 0 && MaxMemoryBytes > 0;
}
