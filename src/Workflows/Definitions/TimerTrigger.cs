namespace Verkstallighet.Workflows.Definitions;

public sealed record TimerTrigger(TimerSpec Spec) : EventTrigger;
