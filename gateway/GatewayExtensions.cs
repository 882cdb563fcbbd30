using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ForumPlatform.Gateway;

public static class GatewayExtensions
{
    /// <summary>The services behind the gateway; each has a route prefix <c>/api/{prefix}</c> and a cluster of its name.</summary>
    public static readonly IReadOnlyList<string> Services = ["articles", "agenda", "statistics", "notifications"];

    /// <summary>
    /// YARP with the routes and clusters of <c>ReverseProxy</c> in configuration; destinations are service names
    /// resolved by Aspire service discovery. Write routes carry an authorization policy, checked before proxying.
    /// </summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();

        var health = builder.Services.AddHealthChecks();
        foreach (var service in Services)
        {
            health.Add(new HealthCheckRegistration(
                service,
                provider => new DownstreamHealthCheck(provider.GetRequiredService<IHttpClientFactory>(), service),
                HealthStatus.Unhealthy,
                ["services"],
                TimeSpan.FromSeconds(5)));
        }

        return builder;
    }

    /// <summary><c>/health</c>: the gateway and every service behind it; <c>/alive</c>: the gateway process only.</summary>
    public static WebApplication MapGatewayHealth(this WebApplication app) => app.MapDefaultEndpoints();
}
