using System.Net.Http.Headers;
using Aspire.Hosting;
using ForumPlatform.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>
/// The whole system as the app host starts it (real processes, a private RabbitMQ node, SQLite files in a
/// fresh folder), once for all end-to-end tests.
/// </summary>
public sealed class ForumPlatformFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string workDirectory = Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"e2e-{Guid.NewGuid():N}");
    private DistributedApplication? app;

    public DistributedApplication App => app ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ForumPlatform_AppHost>(
            [$"--Broker:DataDirectory={workDirectory}/broker", $"--Data:Directory={workDirectory}/data"],
            timeout.Token);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting", LogLevel.Warning));

        app = await builder.BuildAsync(timeout.Token);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
    }

    /// <summary>A client of the gateway, with a bearer token for <paramref name="role"/> when given.</summary>
    public HttpClient Gateway(string? role = null) => Client("gateway", role);

    /// <summary>A client that reaches a service directly, bypassing the gateway.</summary>
    public HttpClient Client(string resource, string? role = null)
    {
        var client = App.CreateHttpClient(resource);
        client.Timeout = TimeSpan.FromSeconds(30);
        if (role is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DevelopmentTokens.ForRole(role));
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ForumPlatformCollection : ICollectionFixture<ForumPlatformFixture>
{
    public const string Name = "ForumPlatform";
}
