using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Persistence;
using Verkstallighet.Workflows;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Journal;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Time;

namespace Verkstallighet.Activities.Statements;

/// <summary>
/// Statements to the court (yttrande i brottmål, general advice to 5 kap. 9 § förordningen (1998:642)): a draft
/// assembled from the case's plan documentation, edited and saved by the officer (optimistically concurrent: a save
/// from an older version is refused), then finalised, after which it never changes and is printed as a PDF. The case's
/// office rule and access log apply to every read and write.
/// </summary>
public sealed class CourtStatementService(IDbContextFactory<VerkstallighetDbContext> contexts, InstanceQueries instances, IClock clock)
{
    private readonly CaseAccess access = new(clock);

    /// <summary>Every statement of the case, the newest first.</summary>
    public async Task<IReadOnlyList<CourtStatementView>> ListAsync(Guid caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.EnterAsync(db, caseId, actor, "court statements", cancellationToken);
        var statements = await db.CourtStatements.AsNoTracking().Where(s => s.CaseId == caseId).OrderByDescending(s => s.Number).ToListAsync(cancellationToken);
        return statements.Select(CourtStatementView.From).ToList();
    }

    /// <summary>The case's open draft, or, when it has none, a new draft assembled from the case (stored when first saved).</summary>
    public async Task<CourtStatementView> DraftAsync(Guid caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var @case = await access.EnterAsync(db, caseId, actor, "court statement draft", cancellationToken);
        var draft = await db.CourtStatements.AsNoTracking().FirstOrDefaultAsync(s => s.CaseId == caseId && s.Status == CourtStatementStatus.Draft, cancellationToken);
        return draft is not null
            ? CourtStatementView.From(draft)
            : CourtStatementView.Assembled(caseId, CourtStatementAssembler.Assemble(await SourcesAsync(db, @case, cancellationToken)));
    }

    public async Task<CourtStatementView> SaveDraftAsync(Guid caseId, SaveCourtStatementRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.EnterAsync(db, caseId, actor, "court statement draft", cancellationToken, write: true);
        if (request.Version is not { } version || version < 0)
        {
            throw new BadRequestException("The save needs the version it was made from: 0 for a new draft, else the draft's version.");
        }

        var sections = new CourtStatementSections(
            Normalize(request.CurrentSituation), Normalize(request.SupervisionOutcome), Normalize(request.ClientView), Normalize(request.ContinuedSupervision));
        var problems = new FieldProblems();
        foreach (var section in CourtStatementSections.All.Where(s => sections[s.Field].Length > CourtStatementSections.MaxLength))
        {
            problems.Add(section.Field, $"Avsnittet får vara högst {CourtStatementSections.MaxLength} tecken.");
        }

        if (problems.Any)
        {
            throw new FormInvalidException(problems.All);
        }

        var now = clock.GetCurrentInstant();
        var draft = await db.CourtStatements.FirstOrDefaultAsync(s => s.CaseId == caseId && s.Status == CourtStatementStatus.Draft, cancellationToken);
        if (draft is null)
        {
            if (version != 0)
            {
                throw new ConflictException(await GoneMessageAsync(db, caseId, cancellationToken));
            }

            var number = (await db.CourtStatements.Where(s => s.CaseId == caseId).MaxAsync(s => (int?)s.Number, cancellationToken) ?? 0) + 1;
            draft = new CourtStatement
            {
                Id = Guid.CreateVersion7(),
                CaseId = caseId,
                Number = number,
                Status = CourtStatementStatus.Draft,
                Version = 0,
                CurrentSituation = "",
                SupervisionOutcome = "",
                ClientView = "",
                ContinuedSupervision = "",
                CreatedBy = actor.UserId,
                CreatedAt = now,
                UpdatedBy = actor.UserId,
            };
            db.CourtStatements.Add(draft);
        }
        else if (draft.Version != version)
        {
            throw new ConflictException(
                $"The draft was saved by {draft.UpdatedBy} at {draft.UpdatedAt} (version {draft.Version}) after the version {version} this save was made from. Reload it and make the changes again.");
        }

        draft.CurrentSituation = sections.CurrentSituation;
        draft.SupervisionOutcome = sections.SupervisionOutcome;
        draft.ClientView = sections.ClientView;
        draft.ContinuedSupervision = sections.ContinuedSupervision;
        draft.Version++;
        draft.UpdatedBy = actor.UserId;
        draft.UpdatedAt = now;
        db.AccessLog.Add(access.Log(caseId, actor, AccessKinds.Write, $"court statement {draft.Number} draft saved"));
        await SaveAsync(db, cancellationToken);
        return CourtStatementView.From(draft);
    }

    /// <summary>Finalises the draft at the given version: every section must be written; from then on it never changes.</summary>
    public async Task<CourtStatementView> FinaliseAsync(Guid caseId, FinaliseCourtStatementRequest request, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await access.EnterAsync(db, caseId, actor, "court statement finalised", cancellationToken, write: true);
        if (request.Version is not { } version || version < 1)
        {
            throw new BadRequestException("Finalising needs the version of the saved draft; save the draft first.");
        }

        var draft = await db.CourtStatements.FirstOrDefaultAsync(s => s.CaseId == caseId && s.Status == CourtStatementStatus.Draft, cancellationToken)
            ?? throw new ConflictException(await GoneMessageAsync(db, caseId, cancellationToken));
        if (draft.Version != version)
        {
            throw new ConflictException(
                $"The draft was saved by {draft.UpdatedBy} at {draft.UpdatedAt} (version {draft.Version}) after the version {version} you finalise. Reload it and check it before finalising.");
        }

        var problems = new FieldProblems();
        foreach (var section in CourtStatementSections.All.Where(s => string.IsNullOrWhiteSpace(CourtStatementView.From(draft).Sections[s.Field])))
        {
            problems.Add(section.Field, $"Skriv avsnittet ”{section.Heading}” innan yttrandet slutförs.");
        }

        if (problems.Any)
        {
            throw new FormInvalidException(problems.All);
        }

        var now = clock.GetCurrentInstant();
        draft.Status = CourtStatementStatus.Final;
        draft.Version++;
        draft.FinalisedBy = actor.UserId;
        draft.FinalisedAt = now;
        draft.UpdatedBy = actor.UserId;
        draft.UpdatedAt = now;
        db.AccessLog.Add(access.Log(caseId, actor, AccessKinds.Write, $"court statement {draft.Number} finalised"));
        await SaveAsync(db, cancellationToken);
        return CourtStatementView.From(draft);
    }

    /// <summary>A finalised statement as a PDF on A4.</summary>
    public async Task<byte[]> PdfAsync(Guid caseId, int number, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var @case = await access.EnterAsync(db, caseId, actor, $"court statement {number} (PDF)", cancellationToken);
        var statement = await db.CourtStatements.AsNoTracking().FirstOrDefaultAsync(s => s.CaseId == caseId && s.Number == number, cancellationToken)
            ?? throw new NotFoundException($"The case has no court statement {number}.");
        if (statement.Status != CourtStatementStatus.Final)
        {
            throw new ConflictException($"Court statement {number} is a draft; only a finalised statement is printed.");
        }

        return CourtStatementPdf.Render(@case, statement);
    }

    /// <summary>The case's documentation the draft is assembled from: each read is by the case's id (indexed), never across cases.</summary>
    private async Task<CourtStatementSources> SourcesAsync(VerkstallighetDbContext db, Case @case, CancellationToken cancellationToken)
    {
        var assessment = await db.RiskAssessments.AsNoTracking().Where(r => r.CaseId == @case.Id).OrderByDescending(r => r.AssessedAt).FirstOrDefaultAsync(cancellationToken);
        var plans = await db.Plans.AsNoTracking().Where(p => p.CaseId == @case.Id).OrderBy(p => p.Version).ToListAsync(cancellationToken);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.CaseId == @case.Id).OrderBy(f => f.At).ToListAsync(cancellationToken);
        var reviews = await db.MisconductReviews.AsNoTracking().Where(m => m.CaseId == @case.Id).OrderBy(m => m.At).ToListAsync(cancellationToken);
        var episodes = @case.WorkflowInstanceId is { } instanceId ? ContactEpisodes(await instances.JournalAsync(instanceId, cancellationToken)) : [];
        return new CourtStatementSources(@case, assessment, plans, followUps, reviews, episodes);
    }

    /// <summary>The ClientNotReached and ClientReached events the workflow received, paired into episodes.</summary>
    internal static IReadOnlyList<ClientContactEpisode> ContactEpisodes(IEnumerable<JournalEntry> journal)
    {
        var episodes = new List<ClientContactEpisode>();
        LocalDate? open = null;
        foreach (var entry in journal.Where(j => j.Kind == JournalKinds.MessageReceived).OrderBy(j => j.Id))
        {
            var day = entry.At.InZone(Stockholm.Zone).Date;
            if (entry.ElementId == "ClientNotReached" && open is null)
            {
                open = day;
            }
            else if (entry.ElementId == "ClientReached" && open is { } from)
            {
                episodes.Add(new ClientContactEpisode(from, day));
                open = null;
            }
        }

        if (open is { } stillOpen)
        {
            episodes.Add(new ClientContactEpisode(stillOpen, null));
        }

        return episodes;
    }

    private static async Task<string> GoneMessageAsync(VerkstallighetDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        var latest = await db.CourtStatements.AsNoTracking().Where(s => s.CaseId == caseId).OrderByDescending(s => s.Number).FirstOrDefaultAsync(cancellationToken);
        return latest is { Status: CourtStatementStatus.Final }
            ? $"Court statement {latest.Number} was finalised by {latest.FinalisedBy} at {latest.FinalisedAt}; a finalised statement does not change. Open the case's statement again to start a new draft."
            : "The case has no saved draft at that version. Reload the statement.";
    }

    /// <summary>Saves; a writer who lost a race (another save in between, or a second new draft) gets a 409.</summary>
    private static async Task SaveAsync(VerkstallighetDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else saved the statement at the same moment. Reload it and make the changes again.");
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw new ConflictException("Someone else started a draft of this case's statement at the same moment. Reload it.");
        }
    }

    private static string Normalize(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
