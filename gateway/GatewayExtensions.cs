using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Yarp.ReverseProxy.Model;

namespace ForumPlatform.Gateway;

public static class GatewayExtensions
{
    /// <summary>The services behind the gateway, each with the route prefix its API lives under.</summary>
    public static readonly IReadOnlyList<(string Name, string Prefix)> Services =
    [
        ("articles", "/api/articles"), ("agenda", "/api/agenda"), ("statistics", "/api/stats"), ("notifications", "/api/notifications"),
        ("identity", "/api/identity"),
    ];

    /// <summary>
    /// YARP with the routes and clusters of <c>ReverseProxy</c> in configuration; destinations are service names
    /// resolved by Aspire service discovery. Write routes carry an authorization policy, checked before proxying.
    /// Around it: rate limits, request limits, requests processed on the sockets' I/O threads, CORS from an
    /// allow-list, and a health report of every service and the broker.
    /// </summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
        builder.AddGatewayRateLimiting();
        builder.AddGatewayRequestLimits();
        builder.AddGatewayTransport();

        // CORS only for the origins configured (Gateway:Cors:AllowedOrigins); none by default.
        var origins = builder.Configuration.GetSection("Gateway:Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "If-Match", "If-None-Match", "Last-Event-ID", "traceparent")
            .WithExposedHeaders("ETag", "Location", "Retry-After")));

        // Each check's result is kept for a moment (HealthResultCache), as /health is anonymous and never limited.
        var health = builder.Services.AddHealthChecks();
        foreach (var (service, _) in Services)
        {
            var cache = new HealthResultCache(TimeProvider.System);
            health.Add(new HealthCheckRegistration(
                service,
                provider => new CachedHealthCheck(cache, new DownstreamHealthCheck(provider.GetRequiredService<IHttpClientFactory>(), service)),
                HealthStatus.Unhealthy,
                ["services"],
                TimeSpan.FromSeconds(5)));
        }

        var brokerCache = new HealthResultCache(TimeProvider.System);
        health.Add(new HealthCheckRegistration(
            "broker",
            _ => new CachedHealthCheck(brokerCache, new BrokerHealthCheck(builder.Configuration.GetConnectionString("messaging"))),
            HealthStatus.Unhealthy,
            ["broker"],
            TimeSpan.FromSeconds(5)));
        return builder;
    }

    /// <summary>
    /// The gateway's pipeline, in order: forwarded headers and nosniff, problem details, the body-size check, CORS,
    /// authentication, rate limits (after authentication, so a token's subject is the client; before authorization,
    /// so refused requests count too), authorization.
    /// </summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        app.LogGatewayTransport();
        app.UseForwardedHeaders();
        app.UseContentTypeOptions();
        app.UseOwnPagesContentSecurityPolicy();
        app.UseProblemDetailsDefaults();
        app.UseGatewayRequestLimits();
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>
    /// <c>/health</c>: every service and the broker; <c>/alive</c>: the gateway process only; <c>/docs</c>: one API
    /// reference over every service's OpenAPI document, fetched through the gateway, so "Try it" goes through it too;
    /// an unknown path under <c>/api/</c>: 404 problem details. Every other path is the website's (the <c>web</c> route
    /// comes last), which answers unknown pages with its own 404 page.
    /// </summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        app.MapDefaultEndpoints();
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("ForumPlatform API");
            foreach (var (service, prefix) in Services)
            {
                options.AddDocument(service, $"{char.ToUpperInvariant(service[0])}{service[1..]}", $"{prefix}/openapi/v1.json");
            }
        }).AllowAnonymous();
        app.MapReverseProxy();
        app.Map("/api/{**rest}", NoSuchRoute).AllowAnonymous();
        // Only reached where a deployment runs without the website's route.
        app.MapFallback(NoSuchRoute).AllowAnonymous();
        return app;
    }

    private static ProblemHttpResult NoSuchRoute(HttpContext http) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such route.",
        detail: $"Nothing answers {http.Request.Method} {http.Request.Path}. The APIs live under {string.Join(", ", Services.Select(s => s.Prefix))}; see /docs.");

    /// <summary>
    /// Pages the gateway serves itself (the API reference, its errors) get a restrictive Content-Security-Policy:
    /// everything from the gateway only. Proxied responses keep what the service sent.
    /// </summary>
    private static WebApplication UseOwnPagesContentSecurityPolicy(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>() is null)
                {
                    context.Response.Headers.ContentSecurityPolicy =
                        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
                        "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
