using ForumPlatform.AppHost;
using ForumPlatform.AppHost.Broker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

var builder = DistributedApplication.CreateBuilder(args);

IResourceBuilder<IResourceWithConnectionString> messaging;
try
{
    messaging = builder.AddMessagingBroker("messaging");
}
catch (BrokerUnavailableException unavailable)
{
    Console.Error.WriteLine(unavailable.Message);
    return 1;
}

// Each service: its own SQLite file, the broker, a readiness probe. Services never call each other.
var articles = AddService<Projects.ForumPlatform_Articles>("articles");
var agenda = AddService<Projects.ForumPlatform_Agenda>("agenda");
var statistics = AddService<Projects.ForumPlatform_Statistics>("statistics");
var notifications = AddService<Projects.ForumPlatform_Notifications>("notifications");

var gateway = builder.AddProject<Projects.ForumPlatform_Gateway>("gateway")
    .WithReference(messaging) // only to report the broker in its /health
    .WithReference(articles).WaitFor(articles)
    .WithReference(agenda).WaitFor(agenda)
    .WithReference(statistics).WaitFor(statistics)
    .WithReference(notifications).WaitFor(notifications)
    .WithHttpHealthCheck("/alive")
    // With Gateway:Transport:InlineScheduling, requests stay on the sockets' I/O threads (see gateway/Transport.cs).
    .WithEnvironment("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1")
    .WithExternalHttpEndpoints();

gateway.OnResourceReady((resource, ready, _) =>
{
    var logger = ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ForumPlatform.AppHost");
    logger.LogInformation("ForumPlatform is up. Gateway: {GatewayUrl}", resource.GetEndpoint("http").Url);
    return Task.CompletedTask;
});

await builder.Build().RunAsync();
return 0;

IResourceBuilder<ProjectResource> AddService<TProject>(string name) where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithReference(messaging).WaitFor(messaging)
        .WithServiceDatabase()
        .WithHttpHealthCheck("/health");
