using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using ForumPlatform.Notifications.Data;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace ForumPlatform.Notifications.Webhooks;

/// <summary>
/// What one attempt came to: a status code, or the error that prevented one; with the start of the subscriber's answer
/// (<c>Excerpt</c>), for the delivery log: what their endpoint said when it refused.
/// </summary>
public sealed record AttemptResult(
    DateTimeOffset StartedAt, TimeSpan Duration, int? StatusCode, string? Error, TimeSpan? RetryAfter, string? Excerpt = null)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>
/// Sends one signed webhook request. Headers follow the Standard Webhooks spec; during a secret rotation the
/// signature header carries one <c>v1,</c> signature per secret. No redirects are followed, connections go through
/// the <see cref="WebhookTargetGuard"/>, and each attempt has its own timeout.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient client;
    private readonly TimeProvider clock;
    private readonly TimeSpan timeout;

    public WebhookSender(WebhookTargetGuard guard, IOptions<WebhookOptions> options, TimeProvider clock)
    {
        this.clock = clock;
        timeout = options.Value.Timeout;
        client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectCallback = guard.ConnectAsync,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ForumPlatform-Webhooks", "1.0"));
    }

    public async Task<AttemptResult> SendAsync(
        string url, string webhookId, IReadOnlyList<string> secrets, EncodedEvent body, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body.Utf8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(CloudEventEncoding.ContentType) { CharSet = "utf-8" };
        request.Headers.Add("webhook-id", webhookId);
        request.Headers.Add("webhook-timestamp", startedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", Sign(webhookId, startedAt, body.Text, secrets));

        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token);
            var answeredIn = stopwatch.Elapsed;
            return new AttemptResult(startedAt, answeredIn, (int)response.StatusCode, null, RetryAfter(response, startedAt),
                await ExcerptAsync(response, attemptTimeout.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new AttemptResult(startedAt, stopwatch.Elapsed, null, $"No answer within {timeout.TotalSeconds:0} s.", null);
        }
        catch (HttpRequestException exception)
        {
            var reason = exception.InnerException is WebhookTargetRefusedException refused ? refused.Message : exception.Message;
            return new AttemptResult(startedAt, stopwatch.Elapsed, null, Truncate(reason), null);
        }
    }

    /// <summary>The <c>webhook-signature</c> value: space-separated <c>v1,&lt;base64&gt;</c>, one per secret.</summary>
    public static string Sign(string webhookId, DateTimeOffset timestamp, string body, IReadOnlyList<string> secrets) =>
        string.Join(' ', secrets.Select(secret => new StandardWebhook(secret).Sign(webhookId, timestamp, body)));

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>
    /// The first characters of the answer's body (at most <see cref="ExcerptLength"/>), read within the attempt's time;
    /// null when there is none or it cannot be read. The rest is never read: an endpoint cannot make us download much.
    /// </summary>
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var buffer = new byte[ExcerptLength * 2];
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            var text = Encoding.UTF8.GetString(buffer, 0, read).Trim();
            return text.Length == 0 ? null : text.Length <= ExcerptLength ? text : text[..(ExcerptLength - 1)] + "…";
        }
        catch (Exception failure) when (failure is IOException or HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    public const int ExcerptLength = 500;

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..497] + "...";

    public void Dispose() => client.Dispose();
}

/// <summary>An event's CloudEvent body, encoded once and shared by every delivery of it.</summary>
public sealed class EncodedEvent(byte[] utf8)
{
    public byte[] Utf8 { get; } = utf8;

    /// <summary>The same body as text, which is what the signature is computed over.</summary>
    public string Text { get; } = Encoding.UTF8.GetString(utf8);
}
