using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForumPlatform.Testing;

/// <summary>
/// The whole system as the app host starts it — real processes, a private RabbitMQ node, SQLite files in a
/// fresh folder — for end-to-end tests and benchmarks. Disposing stops every process and deletes the folder.
/// </summary>
public sealed class RunningForumPlatform : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly string workDirectory;
    private readonly DistributedApplication app;

    private RunningForumPlatform(string workDirectory, DistributedApplication app)
    {
        this.workDirectory = workDirectory;
        this.app = app;
        Tokens = new IssuedTokens(() => Client("identity"));
    }

    /// <summary>Tokens the identity service of this run issues to the development clients, one per role.</summary>
    public IssuedTokens Tokens { get; }

    public static async Task<RunningForumPlatform> StartAsync()
    {
        var workDirectory = Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"system-{Guid.NewGuid():N}");
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.ForumPlatform_AppHost>(
            [$"--Broker:DataDirectory={workDirectory}/broker", $"--Data:Directory={workDirectory}/data"],
            timeout.Token);
        // The app host's own settings log every HTTP call and resource line at Information; keep warnings only.
        builder.Services.AddLogging(logging => logging
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("Aspire.Hosting", LogLevel.Warning)
            .AddFilter("ForumPlatform.AppHost.Resources", LogLevel.Warning)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical));

        var app = await builder.BuildAsync(timeout.Token);
        var system = new RunningForumPlatform(workDirectory, app);
        try
        {
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("identity", timeout.Token);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    /// <summary>Where a service keeps its SQLite file in this run (benchmarks prepare large data sets in it directly).</summary>
    public string DatabasePath(string service) => Path.Combine(workDirectory, "data", $"{service}.db");

    /// <summary>A client of the gateway, with a current bearer token for <paramref name="role"/> when given.</summary>
    public HttpClient Gateway(string? role = null) => Client("gateway", role);

    /// <summary>A client that reaches a resource directly, bypassing the gateway.</summary>
    public HttpClient Client(string resource, string? role = null) => WithRole(app.GetEndpoint(resource, "http"), role);

    /// <summary>
    /// A client of the gateway process on its own port. The gateway's public address is a proxy the app host puts in
    /// front of it; benchmarks that measure what the gateway adds leave that proxy out.
    /// </summary>
    public HttpClient GatewayOnItsOwnPort(string? role = null) =>
        WithRole(new Uri(EnvironmentOf("gateway")["ASPNETCORE_URLS"].Split(';')[0]), role);

    private HttpClient WithRole(Uri address, string? role) =>
        new(role is null ? new SocketsHttpHandler() : Tokens.Handler(role)) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// The environment the app host gave a resource's process (service addresses, connection strings, settings),
    /// resolved. Benchmarks start more copies of a process with it.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentOf(string resource)
    {
        if (!app.ResourceNotifications.TryGetCurrentState(resource, out var state))
        {
            throw new InvalidOperationException($"The app host knows no resource '{resource}'.");
        }

        return state.Snapshot.EnvironmentVariables
            .Where(variable => variable.Value is not null)
            .ToDictionary(variable => variable.Name, variable => variable.Value!);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
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
