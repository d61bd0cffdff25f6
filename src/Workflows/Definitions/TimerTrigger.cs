using Verkstallighet.Workflows.Timers;
namespace Verkstallighet.Workflows.Definitions;

public sealed record TimerTrigger(TimerSpec Spec) : EventTrigger;
