using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Expressions;

namespace Verkstallighet.Workflows.Runtime;

/// <summary>
/// The services a step needs, shared by all steps, and the two words of the domain the engine is told rather than
/// knows: the variable that mirrors an instance's office (none when null) and the role a task is offered to when its
/// model names none.
/// </summary>
internal sealed record StepServices(
    ActivityRegistry Activities,
    ScriptSandbox Scripts,
    IServiceProvider Services,
    string? OfficeVariable,
    string? DefaultCandidateRole);
