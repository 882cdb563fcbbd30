using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ForumPlatform.ServiceDefaults;

/// <summary>
/// What every ForumPlatform process gets (the Aspire service-defaults convention): telemetry, health,
/// service discovery, resilient HTTP clients, problem details and bearer-token authentication.
/// </summary>
public static class ServiceDefaultsExtensions
{
    private const string HealthPath = "/health";
    private const string AlivePath = "/alive";
    private const string LiveTag = "live";

    /// <summary>Activity sources and meters of our own code and of the libraries we trace.</summary>
    public static readonly string[] TelemetrySources = ["ForumPlatform.*", "MassTransit"];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Before the hosting defaults add service discovery, so retries run outside it and each attempt resolves afresh.
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        builder.AddHostingDefaults();
        builder.AddProblemDetailsDefaults();
        builder.AddForumAuthentication();
        return builder;
    }

    /// <summary>
    /// The part of the defaults every process shares, the website included: telemetry, health checks, service discovery
    /// for HTTP clients, no server banner, and which proxies' forwarded headers are believed. The website signs people in
    /// with cookies and answers with pages, so it takes these and not the API's problem details and bearer tokens.
    /// </summary>
    public static TBuilder AddHostingDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());

        // No server banner: it tells attackers what to look up and nobody else anything.
        builder.Services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);

        // Behind the gateway a service sees the client's scheme and host (for absolute links in feeds and exports, and
        // https for the identity service) from X-Forwarded-*. Only proxies on loopback are believed, and those a
        // deployment names: ForwardedHeaders:KnownProxies (addresses) and ForwardedHeaders:KnownNetworks (CIDR).
        var trusted = builder.Configuration.GetSection("ForwardedHeaders");
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in trusted.GetSection("KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.GetSection("KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetrySources))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TelemetrySources)
                .AddAspNetCoreInstrumentation(options =>
                    // Health probes every few seconds would bury the traces people look for.
                    options.Filter = context => !IsHealthProbe(context.Request))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation(options =>
                    // A database command is traced inside a request, a message or a named background job only: the
                    // polling of idle background loops would otherwise make a trace of its own every second or so.
                    options.Filter = (_, _) => Activity.Current is { Parent: not null }));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Whether a request is a health probe (<c>/health</c> or <c>/alive</c>), which traces and limits leave alone.</summary>
    public static bool IsHealthProbe(HttpRequest request) =>
        request.Path.StartsWithSegments(HealthPath) || request.Path.StartsWithSegments(AlivePath);

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Middleware every service runs first: forwarded headers, <c>X-Content-Type-Options: nosniff</c>, problem details
    /// for every error, authentication.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseContentTypeOptions();
        app.UseProblemDetailsDefaults();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary><c>X-Content-Type-Options: nosniff</c> on every response, so a browser never guesses a type.</summary>
    public static WebApplication UseContentTypeOptions(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // Set as the response starts, so it also holds for responses the gateway proxies.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    /// <summary>
    /// <c>/health</c>: ready to serve (every check passes); <c>/alive</c>: the process itself answers.
    /// Both are anonymous and answer with a JSON report of each check.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}
