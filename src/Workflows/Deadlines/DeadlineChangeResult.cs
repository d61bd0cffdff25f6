namespace Verkstallighet.Workflows.Deadlines;

/// <summary>
/// What an apply did: deadlines moved, in how many instances, and those skipped because they changed while it ran (they
/// fired, were met or were moved by someone else; a new preview shows whether any is still to move).
/// </summary>
public sealed record DeadlineChangeResult(int Moved, int Instances, int ChangedMeanwhile, int Batches);
