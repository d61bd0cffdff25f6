using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using NodaTime;
using Verkstallighet.Workflows.Access;
using Verkstallighet.Workflows.Activities;
using Verkstallighet.Workflows.Activities.Builtin;
using Verkstallighet.Workflows.Clock;
using Verkstallighet.Workflows.Deadlines;
using Verkstallighet.Workflows.Definitions;
using Verkstallighet.Workflows.Expressions;
using Verkstallighet.Workflows.InstanceMigration;
using Verkstallighet.Workflows.Notifications;
using Verkstallighet.Workflows.Persistence;
using Verkstallighet.Workflows.Runtime;
using Verkstallighet.Workflows.Tasks;
using Verkstallighet.Workflows.Time;
using Verkstallighet.Workflows.Timers;
using Verkstallighet.Workflows.Scheduling;

namespace Verkstallighet.Workflows.Hosting;

public static class WorkflowsServiceCollectionExtensions
{
    /// <summary>Registers the engine: storage, activities, runtime, task inbox, timers and reminders on Hangfire, and the clock.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, WorkflowsOptions options)
    {
        services.AddSingleton(options);
        var connectionString = EngineConnectionString(options.ConnectionString);
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).UseNodaTime().Build();
        services.TryAddSingleton(dataSource);
        services.AddPooledDbContextFactory<WorkflowsDbContext>(db => WorkflowsDbContext.Configure(db, dataSource));
        AddClock(services, options);
        AddValidatedOptions(services);
        AddEngineServices(services);
        if (options.UseHangfire)
        {
            AddHangfire(services, options, connectionString);
        }

        return services;
    }

    private static void AddClock(IServiceCollection services, WorkflowsOptions options)
    {
        if (options.SimulatedClock)
        {
            var clock = new SimulatedClock(options.SimulatedClockStart ?? SystemClock.Instance.GetCurrentInstant());
            services.AddSingleton(clock);
            services.AddSingleton<IClock>(clock);
            services.AddSingleton<ClockAdvance>();
        }
        else
        {
            services.AddSingleton<IClock>(SystemClock.Instance);
        }

        // "Today" is always the Swedish date by the engine's clock: one zoned clock for every service and page.
        services.AddSingleton(provider => Stockholm.ClockOf(provider.GetRequiredService<IClock>()));
    }

    private static void AddValidatedOptions(IServiceCollection services)
    {
        services.AddOptions<WorkflowRuntimeOptions>();
        // A zero here would silently stop every timer (no batch claimed) or fail each sweep in SQL; refuse it at start.
        services.AddOptions<TimerOptions>()
            .Validate(
                t => t.BatchSize > 0 && t.MaxBatchesPerSweep > 0 && t.FireJobsPerBatch > 0 && t.MaxAttempts > 0 && t.Lease > TimeSpan.Zero,
                "Workflows:Timers: BatchSize, MaxBatchesPerSweep, FireJobsPerBatch and MaxAttempts must be at least 1, and Lease longer than zero.")
            .Validate(
                t => t.HeartbeatInterval >= TimeSpan.FromMilliseconds(100) && t.HolderTimeout >= 2 * t.HeartbeatInterval,
                "Workflows:Timers: HeartbeatInterval must be at least 100 ms, and HolderTimeout at least two heartbeats, or live processes would lose their leases.")
            .ValidateOnStart();
        services.AddOptions<ScriptSandboxOptions>()
            .Validate(o => o.IsValid, "Workflows:Scripts: Timeout and RegexTimeout must be longer than zero, and MaxStatements, MaxRecursion and MaxMemoryBytes at least 1.")
            .ValidateOnStart();
        services.AddSingleton(provider => new ScriptSandbox(provider.GetRequiredService<IOptions<ScriptSandboxOptions>>().Value));
        services.AddOptions<DefinitionOptions>()
            .Validate(o => o.ValidationBudget > TimeSpan.Zero, "Workflows:Definitions:ValidationBudget must be longer than zero.")
            .ValidateOnStart();
    }

    private static void AddEngineServices(IServiceCollection services)
    {
        services.AddSingleton<ActivityRegistry>();
        services.AddActivity<ManualTask>();
        services.AddActivity<SetVariable>();
        services.AddActivity<AddPeriodToDate>();
        services.AddSingleton<ProcessModelCache>();
        services.AddSingleton<DeadlineRuleStore>();
        services.AddSingleton<DeadlineRuleVersions>();
        services.AddSingleton<DeadlineRescheduling>();
        services.AddSingleton<DeadlineRuleSeeder>();
        services.AddSingleton<DefinitionService>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddOptions<InstanceAccessOptions>();
        services.AddSingleton<InstanceAccess>();
        services.AddSingleton<InstanceQueries>();
        services.AddSingleton<InstanceDiagrams>();
        services.AddSingleton<InstanceMigrations>();
        services.AddSingleton<TaskDueStatuses>();
        services.AddSingleton<TaskInbox>();
        services.AddSingleton<TimerLeaseHolders>();
        services.AddSingleton<ITimerLeases, TimerLeases>();
        services.AddSingleton<TimerSweeper>();
        services.AddTransient<TimerSweepJob>();
        services.AddTransient<TimerFireJob>();
        services.AddSingleton<DeadlineReminders>();
        services.AddSingleton<NotificationInbox>();
        services.AddTransient<DeadlineReminderJob>();
        services.AddSingleton<WorkflowsStartup>();
    }

    private static void AddHangfire(IServiceCollection services, WorkflowsOptions options, string connectionString)
    {
        // This engine's own storage and activator. Hangfire would otherwise take the process-wide JobStorage.Current and
        // JobActivator.Current, which belong to whichever engine configured last when several run in one process.
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(connectionString, HangfireStorageOptions, null),
            HangfireStorageOptions));
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IBackgroundJobFactory>(provider => new BackgroundJobFactory(provider.GetRequiredService<IJobFilterProvider>()));
        services.AddSingleton<IBackgroundJobStateChanger>(provider => new BackgroundJobStateChanger(provider.GetRequiredService<IJobFilterProvider>()));
        services.AddSingleton<IBackgroundJobPerformer>(provider => new BackgroundJobPerformer(
            provider.GetRequiredService<IJobFilterProvider>(), provider.GetRequiredService<JobActivator>(), TaskScheduler.Default));
        services.AddHangfire((provider, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseTypeResolver(MovedJobTypes.Resolve)
            .UseStorage(provider.GetRequiredService<JobStorage>()));
        // Registered before the Hangfire server, so it stops after it: the process leaves the lease holders last.
        services.AddHostedService<TimerLeaseHeartbeat>();
        if (options.RunHangfireServer)
        {
            services.AddHangfireServer(server =>
            {
                server.WorkerCount = options.HangfireWorkers;
                server.SchedulePollingInterval = TimeSpan.FromSeconds(5);
                if (options.ServerName is not null)
                {
                    server.ServerName = options.ServerName;
                }
            });
        }
    }

    /// <summary>The connection string the engine and its Hangfire storage use, tuned for their workload.</summary>
    internal static string EngineConnectionString(string given)
    {
        // No session state is kept on pooled connections, so the DISCARD ALL on every return to the pool is pure cost.
        var builder = new NpgsqlConnectionStringBuilder(given) { NoResetOnClose = true };

        // The engine and Hangfire send the same few statements over and over: prepared, PostgreSQL parses and plans
        // each once per connection instead of on every call. A connection string that sets Max Auto Prepare (0 behind
        // a pooler that cannot keep prepared statements) is left as it is.
        var keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = given }.Keys.Cast<string>();
        if (!keys.Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = 200;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    private static PostgreSqlStorageOptions HangfireStorageOptions => new()
    {
        SchemaName = "hangfire",
        PrepareSchemaIfNecessary = true,
        // Workers in the Host that enqueued a job wake at once (Hangfire.PostgreSql signals them in-process); other
        // Hosts' workers poll every second. Long polling is off: it opens a LISTEN connection for every fetch (Hangfire
        // no-op jobs went from ~140/s to ~175/s without it in tests/Benchmarks). Sliding invisibility is off too: together with long polling it left jobs
        // unfetched for minutes (measured in tests/Benchmarks), and fire jobs take milliseconds; a job lost with its
        // worker is fetched again after the invisibility timeout, and its timer is enqueued again when the sweep's lease
        // ends anyway.
        EnableLongPolling = false,
        QueuePollInterval = TimeSpan.FromSeconds(1),
        UseSlidingInvisibilityTimeout = false,
        InvisibilityTimeout = TimeSpan.FromMinutes(5),
        // Hangfire's own locks (recurring and delayed job schedulers) are rows that a killed process leaves behind; after
        // this long another process deletes such a row. The default of 10 minutes stopped the recurring sweep that long
        // after a crash. Every lock Hangfire takes here is held for milliseconds; the engine's sweep takes none.
        DistributedLockTimeout = TimeSpan.FromMinutes(1),
    };

    /// <summary>Registers the words users see for activities, in the domain's language (see <see cref="ActivityTexts"/>).</summary>
    public static IServiceCollection AddActivityTexts(this IServiceCollection services, IEnumerable<ActivityText> texts)
    {
        foreach (var text in texts)
        {
            services.AddSingleton(text);
        }

        return services;
    }

    /// <summary>Registers an activity class; its descriptor is built from the class.</summary>
    public static IServiceCollection AddActivity<TActivity>(this IServiceCollection services) where TActivity : Activity, new()
    {
        services.AddSingleton(new ActivityRegistration(typeof(TActivity)));
        return services;
    }
}
