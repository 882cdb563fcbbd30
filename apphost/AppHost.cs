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

// The gateway is every client's front door, so its public address is the issuer of every token.
var gateway = builder.AddProject<Projects.ForumPlatform_Gateway>("gateway");
var issuer = gateway.GetEndpoint("http");

// The identity service signs people and machine clients in (OpenID Connect). Its issuer is the gateway's address;
// every process fetches its metadata and keys from the identity service's own address (Auth:Authority).
var identity = builder.AddProject<Projects.ForumPlatform_Identity>("identity")
    .WithServiceDatabase()
    // It announces deleted accounts, so the services that keep anything by a person's sub delete it.
    .WithReference(messaging).WaitFor(messaging)
    .WithEnvironment("Identity__Issuer", issuer)
    // The website is served through the gateway; it receives its codes there.
    .WithEnvironment("Identity__WebClient__RedirectUris__0", ReferenceExpression.Create($"{issuer}/signin-oidc"))
    .WithEnvironment("Identity__WebClient__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{issuer}/signout-callback-oidc"))
    .WithHttpHealthCheck("/health");
identity.WithTokenAuthority(identity);

// Each service: its own SQLite file, the broker, a readiness probe. Services never call each other.
var articles = AddService<Projects.ForumPlatform_Articles>("articles");
var agenda = AddService<Projects.ForumPlatform_Agenda>("agenda");
var statistics = AddService<Projects.ForumPlatform_Statistics>("statistics");
var notifications = AddService<Projects.ForumPlatform_Notifications>("notifications");

// The website: pages rendered on the server, served by the gateway at "/", reading the API through the gateway as any
// client does (never a service's database). The gateway waits for it; it waits for nothing, as it reads only on demand.
var web = builder.AddProject<Projects.ForumPlatform_Web>("web")
    .WithReference(gateway)
    // Readers sign in with the identity service, whose issuer is the gateway's public address.
    .WithEnvironment("Website__Authority", issuer)
    .WithHttpHealthCheck("/health");

gateway
    .WithTokenAuthority(identity)
    .WithReference(web).WaitFor(web)
    .WithReference(identity).WaitFor(identity)
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
        .WithTokenAuthority(identity)
        .WithHttpHealthCheck("/health");
