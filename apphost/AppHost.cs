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

var articles = builder.AddProject<Projects.ForumPlatform_Articles>("articles")
    .WithReference(messaging).WaitFor(messaging)
    .WithHttpHealthCheck("/health");

var agenda = builder.AddProject<Projects.ForumPlatform_Agenda>("agenda")
    .WithReference(messaging).WaitFor(messaging)
    .WithHttpHealthCheck("/health");

var statistics = builder.AddProject<Projects.ForumPlatform_Statistics>("statistics")
    .WithReference(messaging).WaitFor(messaging)
    .WithHttpHealthCheck("/health");

var notifications = builder.AddProject<Projects.ForumPlatform_Notifications>("notifications")
    .WithReference(messaging).WaitFor(messaging)
    .WithHttpHealthCheck("/health");

var gateway = builder.AddProject<Projects.ForumPlatform_Gateway>("gateway")
    .WithReference(articles).WaitFor(articles)
    .WithReference(agenda).WaitFor(agenda)
    .WithReference(statistics).WaitFor(statistics)
    .WithReference(notifications).WaitFor(notifications)
    .WithHttpHealthCheck("/alive")
    .WithExternalHttpEndpoints();

gateway.OnResourceReady((resource, ready, _) =>
{
    var logger = ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ForumPlatform.AppHost");
    logger.LogInformation("ForumPlatform is up. Gateway: {GatewayUrl}", resource.GetEndpoint("http").Url);
    return Task.CompletedTask;
});

await builder.Build().RunAsync();
return 0;
