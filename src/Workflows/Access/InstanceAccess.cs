using Microsoft.Extensions.Options;

namespace Verkstallighet.Workflows.Access;

/// <summary>
/// The one rule for reaching an instance: people reach the instances of their own office, roles named in
/// <see cref="InstanceAccessOptions.AllOfficesRoles"/> reach all, and the engine itself reaches everything. Every refusal
/// is recorded before the 403; so is every read when the caller asks.
/// </summary>
public sealed class InstanceAccess(IOptions<InstanceAccessOptions> options, IEnumerable<IInstanceAccessLog> logs)
{
    public InstanceAccessOptions Options => options.Value;

    /// <summary>Why <paramref name="actor"/> may not reach an instance of <paramref name="office"/>, or null when they may.</summary>
    public string? Denial(string? office, Actor actor)
    {
        if (ReferenceEquals(actor, Actor.System) || office is null || actor.Roles.Any(Options.AllOfficesRoles.Contains))
        {
            return null;
        }

        return string.Equals(office, actor.Office, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"The instance belongs to the office {office}; you work at {actor.Office ?? "no office"}.";
    }

    /// <summary>Throws a 403 unless <paramref name="actor"/> administers deadline rules (or is the engine itself).</summary>
    public void EnsureRuleAdministrator(Actor actor, string what)
    {
        if (!ReferenceEquals(actor, Actor.System) && !actor.Roles.Any(Options.RuleAdministratorRoles.Contains))
        {
            throw new ForbiddenException($"Only an administrator may {what}.");
        }
    }

    /// <summary>Throws a 403 unless <paramref name="actor"/> may migrate running instances (or is the engine itself).</summary>
    public void EnsureMigrator(Actor actor, string what)
    {
        if (!ReferenceEquals(actor, Actor.System) && !actor.Roles.Any(Options.MigrationRoles.Contains))
        {
            throw new ForbiddenException($"Only a process owner or an administrator may {what}.");
        }
    }

    /// <summary>Throws a 403 with the reason, after recording the refusal, unless <paramref name="actor"/> may reach the instance.</summary>
    public async Task EnsureAsync(Guid instanceId, string? office, Actor actor, string what, CancellationToken cancellationToken)
    {
        if (Denial(office, actor) is { } reason)
        {
            await RecordAsync(instanceId, actor, InstanceAccessKind.Denied, what, CancellationToken.None);
            throw new ForbiddenException(reason);
        }
    }

    /// <summary>Like <see cref="EnsureAsync"/>, and records the read when it is allowed.</summary>
    public async Task EnsureCanReadAsync(Guid instanceId, string? office, Actor actor, string what, CancellationToken cancellationToken)
    {
        await EnsureAsync(instanceId, office, actor, what, cancellationToken);
        await RecordAsync(instanceId, actor, InstanceAccessKind.Read, what, cancellationToken);
    }

    public async Task RecordAsync(Guid instanceId, Actor actor, InstanceAccessKind kind, string what, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(actor, Actor.System))
        {
            return;
        }

        foreach (var log in logs)
        {
            await log.RecordAsync(instanceId, actor, kind, what, cancellationToken);
        }
    }

    /// <summary>Records that a list (an inbox, an overview) showed <paramref name="actor"/> data of these instances.</summary>
    public async Task RecordListedAsync(IEnumerable<Guid> instanceIds, Actor actor, string what, CancellationToken cancellationToken)
    {
        var distinct = instanceIds.ToHashSet();
        if (distinct.Count == 0 || ReferenceEquals(actor, Actor.System))
        {
            return;
        }

        foreach (var log in logs)
        {
            await log.RecordListedAsync(distinct, actor, what, cancellationToken);
        }
    }

    /// <summary>
    /// The office a new instance belongs to: the actor's own, or one they name when their role lets them choose. Someone
    /// else naming another office gets a 403.
    /// </summary>
    public string? StartOffice(string? requested, Actor actor)
    {
        var office = string.IsNullOrWhiteSpace(requested) ? null : requested.Trim();
        if (office is null || string.Equals(office, actor.Office, StringComparison.OrdinalIgnoreCase))
        {
            return actor.Office ?? office;
        }

        if (office.Length > InstanceOffice.MaxLength)
        {
            throw new BadRequestException($"The office may be at most {InstanceOffice.MaxLength} characters.");
        }

        if (ReferenceEquals(actor, Actor.System) || actor.Roles.Any(Options.ChooseOfficeRoles.Contains))
        {
            return office;
        }

        throw new ForbiddenException($"You work at {actor.Office ?? "no office"} and can start instances there only, not at {office}.");
    }

    /// <summary>400 naming the variables when <paramref name="variables"/> (from outside) sets a routing or identity variable.</summary>
    public void EnsureNoProtectedVariables(System.Text.Json.Nodes.JsonObject? variables, string where)
    {
        var refused = variables?.Select(v => v.Key).Where(Options.ProtectedVariables.Contains).ToList() ?? [];
        if (refused.Count > 0)
        {
            throw new BadRequestException(
                $"{where} may not set {string.Join(", ", refused.Select(r => $"'{r}'"))}: routing and identity variables are set only by the code that owns them" +
                (Options.OfficeVariable is { } officeVariable && refused.Contains(officeVariable) ? " (the office comes from you, or from the request's office field)." : "."));
        }
    }
}
