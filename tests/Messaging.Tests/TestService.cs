using System.Diagnostics;
using ForumPlatform.Contracts;
using ForumPlatform.Database;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ForumPlatform.Messaging.Tests;

/// <summary>
/// A minimal service built the way the real ones are (its own SQLite file, the outbox relay, the inbox on its
/// consumer endpoint, a real broker), consuming <see cref="ArticlePublished"/> into <see cref="Effect"/> rows.
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    public static readonly ActivitySource Requests = new("ForumPlatform.Tests.Requests");

    private readonly IHost host;
    private readonly string databasePath;

    private TestService(IHost host, string name, string databasePath)
    {
        this.host = host;
        Name = name;
        this.databasePath = databasePath;
    }

    public string Name { get; }

    /// <summary>The consumer's queue, named as the endpoint formatter names it.</summary>
    public string QueueName => new KebabCaseEndpointNameFormatter(Name, includeNamespace: false).Consumer<EffectConsumer>();

    public IBus Bus => host.Services.GetRequiredService<IBus>();

    public static async Task<TestService> StartAsync(
        string brokerConnectionString, bool waitForBus = true, IReadOnlyDictionary<string, string?>? settings = null)
    {
        TraceListener.EnsureListening();
        var name = $"test{Guid.NewGuid():N}"[..16];
        var databasePath = Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"{name}.db");

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:messaging"] = brokerConnectionString,
            ["ConnectionStrings:test-db"] = $"Data Source={databasePath}",
            // Short delays so a broker outage is retried within the test's patience.
            ["Messaging:Outbox:SweepInterval"] = "00:00:00.200",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:02",
            ["Messaging:Outbox:FirstRetryDelay"] = "00:00:00.200",
            ["Messaging:Outbox:MaxRetryDelay"] = "00:00:01",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddServiceDatabase<TestDbContext>("test");
        builder.AddForumMessaging<TestDbContext>(name, bus => bus.AddConsumer<EffectConsumer>());

        var service = new TestService(builder.Build(), name, databasePath);
        await service.host.StartAsync();
        if (waitForBus)
        {
            await service.WaitUntilBusReadyAsync();
        }

        return service;
    }

    public async Task WaitUntilBusReadyAsync()
    {
        var health = host.Services.GetRequiredService<HealthCheckService>();
        await Testing.Eventually.TrueAsync(
            async () => (await health.CheckHealthAsync()).Status == HealthStatus.Healthy,
            TimeSpan.FromSeconds(60),
            "the bus and its receive endpoint to be ready");
    }

    /// <summary>Runs work against a fresh DbContext in its own scope, as one request would.</summary>
    public async Task<T> WithDbAsync<T>(Func<TestDbContext, Task<T>> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public Task WithDbAsync(Func<TestDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    public Task<List<Effect>> EffectsOfAsync(Guid eventId) =>
        WithDbAsync(db => db.Effects.AsNoTracking().Where(effect => effect.EventId == eventId).ToListAsync());

    public Task<OutboxMessage?> OutboxRowAsync(Guid eventId) =>
        WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(message => message.Id == eventId));

    public static ArticlePublished NewEvent(string title = "Tianshan Forum opens") =>
        new(Guid.CreateVersion7(), DateTimeOffset.UtcNow, Guid.CreateVersion7(), "sample-article", title, "Sample data.",
            "en", ["trade"], ["Sample Author"], "tianshan-forum-2025", DateTimeOffset.UtcNow);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(timeout.Token);
        host.Dispose();
        Testing.SqliteTestFiles.Delete(databasePath);
    }
}

public sealed class TestDbContext(DbContextOptions<TestDbContext> options, OutboxSignal? outbox = null)
    : MessagingDbContext(options, outbox)
{
    public DbSet<Note> Notes => Set<Note>();

    public DbSet<Effect> Effects => Set<Effect>();
}

/// <summary>A row of the service's own data, written together with an event.</summary>
public sealed class Note
{
    public int Id { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>What the consumer did: one row per time it ran for an event (no unique key, so duplicates would show).</summary>
public sealed class Effect
{
    public int Id { get; set; }

    public Guid EventId { get; set; }

    public string Title { get; set; } = "";

    public string? TraceId { get; set; }
}

public sealed class EffectConsumer(TestDbContext db) : IConsumer<ArticlePublished>
{
    public const string PoisonTitle = "poison";

    /// <summary>Registers an after-commit action and fails with a transient error on its first attempt.</summary>
    public const string FailsOnceTitle = "fails once";

    public static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> Attempts = new();

    /// <summary>The after-commit actions that ran: event id and the attempt that registered them.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentQueue<(Guid EventId, int Attempt)> AfterCommit = new();

    public Task Consume(ConsumeContext<ArticlePublished> context)
    {
        if (context.Message.Title == PoisonTitle)
        {
            throw new InvalidOperationException("This message can never be processed.");
        }

        if (context.Message.Title == FailsOnceTitle)
        {
            var eventId = context.Message.EventId;
            var attempt = Attempts.AddOrUpdate(eventId, 1, (_, count) => count + 1);
            db.OnCommitted(() => AfterCommit.Enqueue((eventId, attempt)));
            if (attempt == 1)
            {
                throw new TimeoutException("A transient failure on the first attempt.");
            }
        }

        db.Effects.Add(new Effect
        {
            EventId = context.Message.EventId,
            Title = context.Message.Title,
            TraceId = Activity.Current?.TraceId.ToHexString(),
        });
        return Task.CompletedTask;
    }
}

internal sealed class TestDesignTimeFactory : DesignTimeDbContextFactory<TestDbContext>;

/// <summary>Records activities of our sources and MassTransit's, as OpenTelemetry does in the services.</summary>
internal static class TraceListener
{
    private static ActivityListener? listener;

    public static void EnsureListening()
    {
        if (listener is not null)
        {
            return;
        }

        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("ForumPlatform", StringComparison.Ordinal) || source.Name == "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
    }
}
