using System.Net.Http.Headers;
using ForumPlatform.Articles.Data;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ForumPlatform.Articles.Tests;

/// <summary>
/// The articles service in-process (its assembly found through ArticlesDbContext) on a real SQLite file and a
/// private RabbitMQ node, shared by the API tests.
/// Tests create their own articles and never depend on what others left.
/// </summary>
public sealed class ArticlesServiceFixture : WebApplicationFactory<ArticlesDbContext>, IAsyncLifetime
{
    private readonly string databasePath;
    private readonly bool ownsBrokerAndDatabase;
    private RabbitMqNode? broker;

    public ArticlesServiceFixture()
        : this(Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"articles-{Guid.NewGuid():N}.db"), broker: null)
    {
    }

    /// <summary>Another instance of the service on an existing database and broker, as after a restart.</summary>
    internal ArticlesServiceFixture(string databasePath, RabbitMqNode? broker)
    {
        this.databasePath = databasePath;
        this.broker = broker;
        ownsBrokerAndDatabase = broker is null;
    }

    public string DatabasePath => databasePath;

    public RabbitMqNode Broker => broker ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => broker ??= await RabbitMqNode.StartNewAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:messaging", broker!.ConnectionString);
        builder.UseSetting("ConnectionStrings:articles-db", $"Data Source={databasePath}");
        builder.UseSetting("Articles:Scheduling:CheckInterval", "00:00:00.200");
    }

    public HttpClient ClientFor(string? role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.ForRole(role));
        }

        return client;
    }

    public HttpClient Editor() => ClientFor(ForumRoles.Editor);

    public HttpClient Anonymous() => ClientFor(null);

    public async Task<T> WithDbAsync<T>(Func<ArticlesDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ArticlesDbContext>());
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

            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(databasePath + suffix);
            }
        }
    }
}
