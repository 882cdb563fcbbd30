using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ForumPlatform.Gateway.Tests;

/// <summary>
/// A real HTTP server on a free loopback port standing for one service behind the gateway. It answers every path
/// with 200, its name and an ETag (304 when <c>If-None-Match</c> names it); <c>/hang</c> paths never answer, <c>/slow</c> ones after <see cref="SlowAnswer"/>.
/// </summary>
public sealed class StubService : IAsyncDisposable
{
    public const string ETag = "\"stub-v1\"";

    /// <summary>How long <c>/slow</c> paths take: past the fixture's activity timeout of services, within that of uploads.</summary>
    public static readonly TimeSpan SlowAnswer = TimeSpan.FromSeconds(2);
    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> paths = new();

    private StubService(string name, WebApplication app)
    {
        Name = name;
        this.app = app;
    }

    public string Name { get; }

    public string BaseUrl { get; private set; } = "";

    /// <summary>The raw paths (still encoded) of every request that reached this service.</summary>
    public IReadOnlyList<string> Paths => [.. paths];

    public static async Task<StubService> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new StubService(name, app);
        app.Run(stub.HandleAsync);
        await app.StartAsync();
        stub.BaseUrl = app.Urls.First();
        return stub;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? context.Request.Path;
        paths.Enqueue(rawTarget);
        if (context.Request.Path.Value?.EndsWith("/hang", StringComparison.Ordinal) == true)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (context.Request.Path.Value?.EndsWith("/slow", StringComparison.Ordinal) == true)
        {
            await Task.Delay(SlowAnswer, context.RequestAborted);
        }

        context.Response.Headers.ETag = ETag;
        if (context.Request.Headers.IfNoneMatch == ETag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"service":"{{Name}}","path":"{{context.Request.Path}}"}""");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
