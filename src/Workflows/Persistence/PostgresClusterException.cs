namespace Verkstallighet.Workflows.Persistence;

/// <summary>The private cluster could not be started; the message says what to do.</summary>
public class PostgresClusterException(string message) : Exception(message);
