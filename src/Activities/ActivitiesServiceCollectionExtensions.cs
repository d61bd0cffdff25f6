using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Verkstallighet.Workflows.Hosting;
using Verkstallighet.Activities.Assessments;
using Verkstallighet.Activities.Cases;
using Verkstallighet.Activities.Chief;
using Verkstallighet.Activities.Deadlines;
using Verkstallighet.Activities.FollowUps;
using Verkstallighet.Activities.Misconduct;
using Verkstallighet.Activities.Persistence;
using Verkstallighet.Activities.Plans;
using Verkstallighet.Activities.Reports;
using Verkstallighet.Activities.Statements;
using Verkstallighet.Activities.Transfers;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Runtime;

namespace Verkstallighet.Activities;

public static class ActivitiesServiceCollectionExtensions
{
    /// <summary>
    /// The domain of KVFS 2011:5: the case activities, their deadline rules, cases and their storage (schema
    /// <c>verkstallighet</c>, on the engine's database). Call after <c>AddWorkflows</c>.
    /// </summary>
    public static IServiceCollection AddVerkstallighetActivities(this IServiceCollection services)
    {
        foreach (var rule in Kvfs2011DeadlineRules.All)
        {
            services.AddSingleton(rule);
        }

        services.AddActivityTexts(EngineActivityTexts.Swedish);
        services.AddActivity<RiskAssessmentActivity>();
        services.AddActivity<DraftPlanActivity>();
        services.AddActivity<EstablishPlanActivity>();
        services.AddActivity<FollowUpActivity>();
        services.AddActivity<TransferCaseActivity>();
        services.AddActivity<MisconductReviewActivity>();
        services.AddActivity<CloseCaseActivity>();

        services.AddPooledDbContextFactory<VerkstallighetDbContext>((provider, db) =>
            VerkstallighetDbContext.Configure(db, provider.GetRequiredService<NpgsqlDataSource>()));
        services.AddOptions<CaseOptions>();
        services.Configure<InstanceAccessOptions>(access =>
        {
            // Officers and chiefs reach their own office's instances; process owners and administrators reach all.
            access.AllOfficesRoles.UnionWith([Roles.ProcessOwner, Roles.Administrator]);
            access.ChooseOfficeRoles.UnionWith([Roles.Chief, Roles.Administrator]);
            access.RuleAdministratorRoles.Add(Roles.Administrator);
            access.MigrationRoles.UnionWith([Roles.ProcessOwner, Roles.Administrator]);
            access.ProtectedVariables.UnionWith(CaseVariables.Owned);
            // Tasks are routed to the case's office, and the workflows' expressions read it as this variable.
            access.OfficeVariable = CaseVariables.Office;
        });
        // A task whose model names no role is for the case's officer.
        services.Configure<WorkflowRuntimeOptions>(runtime => runtime.DefaultCandidateRole = Roles.Officer);
        // Another tool's candidate group becomes a task's role only when it names one of the product's roles.
        services.Configure<DefinitionOptions>(definitions => definitions.CandidateRoles.UnionWith([Roles.Officer, Roles.Chief, Roles.ProcessOwner, Roles.Administrator]));
        services.AddSingleton<IInstanceAccessLog, CaseAccessLog>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<CourtStatementService>();
        services.AddSingleton<AccessLogQuery>();
        services.AddSingleton<OfficeDeadlineQuery>();
        services.AddSingleton<ChiefQueue>();
        services.AddSingleton<OfficeReportQuery>();
        services.AddSingleton<VerkstallighetStartup>();
        return services;
    }
}
