namespace Verkstallighet.Workflows.Clock;

/// <summary>The simulated clock stored in the database cannot be used; start-up stops and the message says how to reset it.</summary>
public sealed class StoredClockUnusableException(string message) : Exception(message);
