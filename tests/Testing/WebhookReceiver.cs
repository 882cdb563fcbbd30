using System.Collections.Concurrent;
using System.Net.Mime;
using System.Text;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace ForumPlatform.Testing;

/// <summary>How the receiver answers one request on a path.</summary>
/// <param name="Body">Text the answer carries, as an endpoint explaining a refusal would.</param>
public sealed record WebhookAnswer(int Status, TimeSpan Delay = default, string? RetryAfter = null, string? Body = null);

/// <summary>One request the receiver got, with what a subscriber would check.</summary>
public sealed record ReceivedWebhook(string Path, IHeaderDictionary Headers, string ContentType, string Body, DateTimeOffset ReceivedAt)
{
    private static readonly JsonEventFormatter Formatter = new();

    public string WebhookId => Headers["webhook-id"].ToString();

    public string Signature => Headers["webhook-signature"].ToString();

    /// <summary>
    /// Whether the Standard Webhooks verifier (the <c>StandardWebhooks</c> package) accepts the request for
    /// <paramref name="secret"/>. The spec lets the signature header carry several space-separated signatures (one
    /// per secret during a rotation) and says a verifier accepts the request when any matches; this package checks
    /// only the first, so each signature is offered to it on its own.
    /// </summary>
    public bool VerifiesWith(string secret) =>
        Signature.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(signature => VerifiesWith(secret, signature));

    private bool VerifiesWith(string secret, string signature)
    {
        var headers = new HeaderDictionary(Headers.ToDictionary()) { ["webhook-signature"] = signature };
        try
        {
            new StandardWebhook(secret).Verify(Body, headers);
            return true;
        }
        catch (WebhookVerificationException)
        {
            return false;
        }
    }

    /// <summary>The body read back by the CloudEvents SDK (structured mode).</summary>
    public CloudEvent CloudEvent => Formatter.DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(Body), new ContentType(ContentType), null);
}

/// <summary>
/// A real HTTP receiver on a free loopback port, standing for subscribers' endpoints. Each path answers 204 unless
/// scripted; a script's last answer repeats.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, WebhookAnswer[]> scripts = new();
    private readonly ConcurrentDictionary<string, int> counts = new();
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();

    private WebhookReceiver(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<ReceivedWebhook> Received => [.. received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = app.Urls.First();
        return receiver;
    }

    /// <summary>A fresh path on this receiver, so tests sharing it do not see each other's requests.</summary>
    public string NewEndpoint(params WebhookAnswer[] script)
    {
        var path = $"/hooks/{Guid.NewGuid():N}";
        if (script.Length > 0)
        {
            scripts[path] = script;
        }

        return BaseUrl + path;
    }

    public IReadOnlyList<ReceivedWebhook> At(string url) =>
        received.Where(request => BaseUrl + request.Path == url).OrderBy(request => request.ReceivedAt).ToList();

    /// <summary>Waits until <paramref name="url"/> has received at least <paramref name="count"/> requests.</summary>
    public Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(string url, int count, TimeSpan timeout) =>
        Eventually.GetAsync(() => Task.FromResult(At(url) is { } got && got.Count >= count ? got : null), timeout,
            $"{count} webhook request(s) at {url}");

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var path = context.Request.Path.Value ?? "/";
        var number = counts.AddOrUpdate(path, 1, (_, count) => count + 1);
        var answer = scripts.TryGetValue(path, out var script) ? script[Math.Min(number, script.Length) - 1] : new WebhookAnswer(204);
        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        received.Enqueue(new ReceivedWebhook(path, new HeaderDictionary(context.Request.Headers.ToDictionary()),
            context.Request.ContentType ?? "", body, DateTimeOffset.UtcNow));
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        }

        if (answer.Body is not null)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(answer.Body);
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
