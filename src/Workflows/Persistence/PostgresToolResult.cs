namespace Verkstallighet.Workflows.Persistence;

/// <summary>How a PostgreSQL tool ended: its exit code and what it wrote to standard output and error.</summary>
internal sealed record PostgresToolResult(int ExitCode, string Output);
