using System.Net.Http.Headers;
using ForumPlatform.Contracts;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForumPlatform.Testing;

/// <summary>
/// One service in-process (its assembly found through <typeparamref name="TEntryPoint"/>, e.g. its DbContext) on a
/// real SQLite file and a private RabbitMQ node, in Development. Shared by a test collection; tests create their
/// own data and never depend on what others left. A second instance on the same database and broker stands for
/// the service after a restart.
/// </summary>
public abstract class ServiceFixture<TEntryPoint> : WebApplicationFactory<TEntryPoint>, IAsyncLifetime
    where TEntryPoint : class
{
    private readonly string serviceName;
    private readonly bool ownsBrokerAndDatabase;
    private RabbitMqNode? broker;

    protected ServiceFixture(string serviceName, string? databasePath = null, RabbitMqNode? broker = null)
    {
        this.serviceName = serviceName;
        this.broker = broker;
        ownsBrokerAndDatabase = broker is null;
        DatabasePath = databasePath ?? Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"{serviceName}-{Guid.NewGuid():N}.db");
    }

    public string DatabasePath { get; }

    public RabbitMqNode Broker => broker ?? throw new InvalidOperationException("Not started.");

    public virtual async Task InitializeAsync() => broker ??= await RabbitMqNode.StartNewAsync();

    /// <summary>Settings of the service under test beyond the broker and database (e.g. shorter intervals).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:messaging", Broker.ConnectionString);
        builder.UseSetting($"ConnectionStrings:{serviceName}-db", $"Data Source={DatabasePath}");
        foreach (var (key, value) in TestAuthority.Shared.Settings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client with a token of the test authority for <paramref name="role"/>, or anonymous; redirects are not followed.</summary>
    public HttpClient ClientFor(string? role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestAuthority.Shared.TokenFor(role));
        }

        return client;
    }

    public HttpClient Anonymous() => ClientFor(null);

    /// <summary>
    /// Starts the service and waits for <c>/health</c> (database and bus with its receive endpoints): published
    /// before its queues are bound, an event would find no queue and be gone.
    /// </summary>
    public async Task WaitUntilReadyAsync()
    {
        using var client = Anonymous();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/health")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), $"the {serviceName} service to be ready");
    }

    /// <summary>
    /// Publishes a domain event to the real broker, as its source service's outbox would (message id = event id, unless
    /// a test sends a duplicate under another). Runs off the caller's execution context: MassTransit keeps its log
    /// context in an AsyncLocal, which would otherwise stay behind with this instance's logger factory after it is disposed.
    /// </summary>
    public Task PublishAsync<TEvent>(TEvent domainEvent, Guid? messageId = null) where TEvent : class, IForumEvent =>
        Task.Run(() => Services.GetRequiredService<IBus>().Publish(domainEvent, context => context.MessageId = messageId ?? domainEvent.EventId));

    /// <summary>Runs a query against the service's own database, in a scope of its own.</summary>
    public async Task<TResult> WithServiceAsync<TService, TResult>(Func<TService, Task<TResult>> query) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TService>());
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (ownsBrokerAndDatabase)
        {
            if (broker is not null)
            {
                await broker.DisposeAsync();
            }

            SqliteTestFiles.Delete(DatabasePath);
        }
    }
}
