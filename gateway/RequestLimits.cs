using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Gateway;

/// <summary>Limits on what a request may be (section <c>Gateway:Limits</c>).</summary>
public sealed class RequestLimitOptions
{
    public const string SectionName = "Gateway:Limits";

    /// <summary>Largest request body, 30 MiB (the statistics import takes up to 25 MiB); larger gets 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 30 * 1024 * 1024;

    /// <summary>All request headers together, 32 KiB; more gets 431 problem details naming the largest header.</summary>
    public int MaxRequestHeadersTotalBytes { get; set; } = 32 * 1024;

    /// <summary>How many request header lines, 100; more gets 431 problem details.</summary>
    public int MaxRequestHeaderCount { get; set; } = 100;

    /// <summary>The request line (method, URL, version), 8 KiB; longer gets 414 problem details.</summary>
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;

    /// <summary>
    /// Kestrel itself refuses requests past this many times the header and request-line limits, with a bare 431 or
    /// 414 before any middleware runs (so before a problem-details answer can be written) and without reading on.
    /// </summary>
    public const int ServerCeilingFactor = 2;
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
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxRequestHeadersTotalBytes * RequestLimitOptions.ServerCeilingFactor;
            kestrel.Limits.MaxRequestHeaderCount = limits.MaxRequestHeaderCount * RequestLimitOptions.ServerCeilingFactor;
            kestrel.Limits.MaxRequestLineSize = limits.MaxRequestLineBytes * RequestLimitOptions.ServerCeilingFactor;
        });
        return builder;
    }

    /// <summary>
    /// Requests over a limit get problem details before anything is proxied: a request line over the limit 414, headers
    /// over the limits 431 (naming the largest header), a body announced larger than the limit 413. A chunked body that
    /// grows past it is cut off by Kestrel while it streams, and YARP answers 413 (problem details by the status-code
    /// pages).
    /// </summary>
    public static WebApplication UseGatewayRequestLimits(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<RequestLimitOptions>>().Value;
        app.Use(async (context, next) =>
        {
            var requestLine = RequestLineBytes(context);
            if (requestLine > limits.MaxRequestLineBytes)
            {
                await GatewayProblems.WriteAsync(context, StatusCodes.Status414UriTooLong, "The request line is too long.",
                    $"The method, URL and version together are limited to {limits.MaxRequestLineBytes:N0} bytes; this request line has {requestLine:N0}.");
                return;
            }

            var (headerLines, headerBytes, largest) = MeasureHeaders(context.Request.Headers);
            if (headerLines > limits.MaxRequestHeaderCount || headerBytes > limits.MaxRequestHeadersTotalBytes)
            {
                await GatewayProblems.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "The request headers are too large.",
                    $"Requests may have {limits.MaxRequestHeaderCount:N0} header lines of {limits.MaxRequestHeadersTotalBytes:N0} bytes in all; " +
                    $"this one has {headerLines:N0} lines of {headerBytes:N0} bytes, the largest being {largest.Name} ({largest.Bytes:N0} bytes).");
                return;
            }

            if (context.Request.ContentLength > limits.MaxRequestBodyBytes)
            {
                await GatewayProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                    "The request body is too large.", $"Request bodies are limited to {limits.MaxRequestBodyBytes:N0} bytes.");
                return;
            }

            await next(context);
        });
        return app;
    }

    /// <summary>The request line as sent: method, target (path and query as they came), protocol, two spaces.</summary>
    private static int RequestLineBytes(HttpContext context) =>
        context.Request.Method.Length + 1 + (context.Features.Get<IHttpRequestFeature>()?.RawTarget.Length ?? 0) + 1 + context.Request.Protocol.Length;

    /// <summary>Header lines and their bytes as Kestrel counts them (<c>name: value</c> and a line break per value).</summary>
    private static (int Lines, int Bytes, (string Name, int Bytes) Largest) MeasureHeaders(IHeaderDictionary headers)
    {
        var (lines, bytes, largest) = (0, 0, (Name: "", Bytes: 0));
        foreach (var (name, values) in headers)
        {
            var headerBytes = 0;
            foreach (var value in values)
            {
                lines++;
                headerBytes += name.Length + 2 + (value?.Length ?? 0) + 2;
            }

            bytes += headerBytes;
            if (headerBytes > largest.Bytes)
            {
                largest = (name, headerBytes);
            }
        }

        return (lines, bytes, largest);
    }
}
