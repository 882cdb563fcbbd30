using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Gateway;

/// <summary>Limits on what a request may be (section <c>Gateway:Limits</c>).</summary>
public sealed class RequestLimitOptions
{
    public const string SectionName = "Gateway:Limits";

    /// <summary>Largest request body, 30 MiB (the statistics import takes up to 25 MiB); larger gets 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 30 * 1024 * 1024;

    /// <summary>All request headers together, 32 KiB; more gets 431 from Kestrel.</summary>
    public int MaxRequestHeadersTotalBytes { get; set; } = 32 * 1024;

    /// <summary>How many request headers, 100; more gets 431 from Kestrel.</summary>
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>The request line (method, URL, version), 8 KiB; longer gets 414 from Kestrel.</summary>
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;
}

public static class RequestLimits
{
    public static IHostApplicationBuilder AddGatewayRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RequestLimitOptions>(builder.Configuration.GetSection(RequestLimitOptions.SectionName));
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitOptions>>((kestrel, options) =>
        {
            var limits = options.Value;
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxRequestHeadersTotalBytes;
            kestrel.Limits.MaxRequestHeaderCount = limits.MaxRequestHeaderCount;
            kestrel.Limits.MaxRequestLineSize = limits.MaxRequestLineBytes;
        });
        return builder;
    }

    /// <summary>
    /// A body announced larger than the limit gets 413 problem details before anything is proxied; a chunked body
    /// that grows past it is cut off by Kestrel while it streams, and YARP answers 413 (problem details by the
    /// status-code pages).
    /// </summary>
    public static WebApplication UseGatewayRequestLimits(this WebApplication app)
    {
        var limit = app.Services.GetRequiredService<IOptions<RequestLimitOptions>>().Value.MaxRequestBodyBytes;
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > limit)
            {
                await GatewayProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                    "The request body is too large.", $"Request bodies are limited to {limit:N0} bytes.");
                return;
            }

            await next(context);
        });
        return app;
    }
}
