using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.LiveStream;
using ForumPlatform.Notifications.Subscriptions;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Notifications.Api;

/// <summary>
/// <c>GET /api/notifications/stream</c>: Server-Sent Events, one CloudEvent (structured JSON) per <c>message</c>
/// event with the CloudEvent id as the SSE id. Reconnecting with <c>Last-Event-ID</c> replays what was missed within
/// the replay window, then continues live. A <c>heartbeat</c> event keeps idle connections open; a <c>gap</c> event
/// says the replay could not start where asked. Filters come from the query, or from a subscription
/// (<c>?subscription={id}</c> with its management token), which is what a stream-only subscription is for.
/// </summary>
public static class StreamApi
{
    public static RouteHandlerBuilder MapStreamApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/notifications/stream", Stream)
            .WithTags("Stream")
            .WithName("NotificationStream")
            .WithSummary("Live notifications as Server-Sent Events, filtered by query or by a subscription, resumable with Last-Event-ID.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

    private static async Task<Results<ServerSentEventsResult<string>, ValidationProblem, NotFound, UnauthorizedHttpResult>> Stream(
        HttpContext context,
        NotificationStream stream,
        IServiceScopeFactory scopes,
        IOptions<StreamOptions> options,
        TimeProvider clock,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventId,
        [FromQuery] string? types,
        [FromQuery] string? tags,
        [FromQuery] string? forum,
        [FromQuery] Guid? subscription,
        CancellationToken cancellationToken)
    {
        StreamFilter? subscribed = null;
        if (subscription is { } subscriptionId)
        {
            // A stream-only (or any) subscription's own filters; its management token or admin reads it.
            if (context.User.Identity?.IsAuthenticated != true)
            {
                return TypedResults.Unauthorized();
            }

            if (types is not null || tags is not null || forum is not null)
            {
                return FieldErrors.Problem("subscription", "Either a subscription or types/tags/forum, not both.");
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var found = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
            if (found is null || !context.User.CanManage(found))
            {
                return TypedResults.NotFound();
            }

            subscribed = new StreamFilter(found.EventTypes, found.Filter);
        }

        var patterns = Split(types);
        var unknown = patterns.Where(pattern => !EventTypePattern.IsKnown(pattern)).ToList();
        if (unknown.Count > 0)
        {
            return FieldErrors.Problem("types", $"Unknown event type(s): {string.Join(", ", unknown)}.");
        }

        Guid? resumeAfter = null;
        if (!string.IsNullOrEmpty(lastEventId))
        {
            if (!Guid.TryParse(lastEventId, out var parsed))
            {
                return FieldErrors.Problem("Last-Event-ID", "Expected the id of an event this stream sent.");
            }

            resumeAfter = parsed;
        }

        var filter = subscribed ?? new StreamFilter(patterns, SubscriptionFilter.None with { Tags = Split(tags), Forums = Split(forum) });
        // Listen before replaying, so nothing committed in between is missed; duplicates are skipped by position.
        var listener = stream.Listen();
        return TypedResults.ServerSentEvents(
            Events(listener, filter, resumeAfter, scopes, options.Value, clock, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(
        NotificationStream.Listener listener,
        StreamFilter filter,
        Guid? resumeAfter,
        IServiceScopeFactory scopes,
        StreamOptions options,
        TimeProvider clock,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var _ = listener;
        var position = (At: DateTimeOffset.MinValue, Id: Guid.Empty);
        if (resumeAfter is { } after)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var windowStart = clock.GetUtcNow() - options.ReplayWindow;
            var (from, gap) = await ReplayStartAsync(db, after, windowStart, options, cancellationToken);
            if (gap is not null)
            {
                yield return new SseItem<string>(gap, "gap");
            }

            await foreach (var received in ReplayAsync(db, from, windowStart, filter, options.ReplayPageSize, cancellationToken))
            {
                position = (received.ReceivedAt, received.Id);
                yield return Item(received, System.Text.Encoding.UTF8.GetString(CloudEventEncoding.Encode(received)));
            }
        }

        while (true)
        {
            LiveNotification? next;
            using (var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                heartbeat.CancelAfter(options.HeartbeatInterval);
                try
                {
                    next = await listener.Reader.ReadAsync(heartbeat.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    next = null;
                }
                catch (ListenerTooSlowException)
                {
                    yield break;
                }
                catch (ChannelClosedException)
                {
                    yield break;
                }
            }

            if (next is null)
            {
                yield return new SseItem<string>(string.Empty, "heartbeat");
            }
            else if (filter.Admits(next.Event) && (next.Event.ReceivedAt, next.Event.Id).CompareTo(position) > 0)
            {
                yield return Item(next.Event, next.Body.Text);
            }
        }
    }

    /// <summary>Where a replay after <paramref name="after"/> starts, and the gap to report when that event is no longer retained.</summary>
    private static async Task<((DateTimeOffset At, Guid Id) From, string? Gap)> ReplayStartAsync(
        NotificationsDbContext db, Guid after, DateTimeOffset windowStart, StreamOptions options, CancellationToken cancellationToken)
    {
        var last = await db.ReceivedEvents.AsNoTracking().Where(received => received.Id == after)
            .Select(received => new { received.ReceivedAt, received.Id }).FirstOrDefaultAsync(cancellationToken);
        return last is null || last.ReceivedAt < windowStart
            ? ((DateTimeOffset.MinValue, Guid.Empty), $"Event {after} is not within the replay window ({options.ReplayWindow}); replaying what is retained.")
            : ((last.ReceivedAt, last.Id), null);
    }

    /// <summary>
    /// The retained events after <paramref name="from"/> that the filter admits, in (time, id) order, the order the
    /// live path uses. Read a page at a time and handed on as read, so a replay of the whole window (a client resuming
    /// from an id no longer retained) is never held in memory at once. Filters run in memory (they look inside JSON
    /// facts). A long replay may outrun the listener's live buffer: it is then cut off and resumes from here.
    /// </summary>
    private static async IAsyncEnumerable<ReceivedEvent> ReplayAsync(
        NotificationsDbContext db, (DateTimeOffset At, Guid Id) from, DateTimeOffset windowStart, StreamFilter filter, int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = db.ReceivedEvents.AsNoTracking()
            .Where(received => received.Type != Contracts.EventTypes.Ping && received.ReceivedAt >= windowStart);
        var position = from;
        while (true)
        {
            var since = position.At == DateTimeOffset.MinValue ? windowStart : position.At;
            var page = (await query.Where(received => received.ReceivedAt >= since)
                    .OrderBy(received => received.ReceivedAt).Take(pageSize + 1).ToListAsync(cancellationToken))
                .Where(received => (received.ReceivedAt, received.Id).CompareTo(position) > 0)
                .OrderBy(received => (received.ReceivedAt, received.Id))
                .ToList();
            if (page.Count == 0)
            {
                yield break;
            }

            foreach (var received in page.Where(filter.Admits))
            {
                yield return received;
            }

            position = (page[^1].ReceivedAt, page[^1].Id);
        }
    }

    private static SseItem<string> Item(ReceivedEvent received, string cloudEvent) => new(cloudEvent) { EventId = received.Id.ToString() };

    private static List<string> Split(string? values) =>
        values?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => v.ToLowerInvariant()).ToList() ?? [];

    private sealed record StreamFilter(IReadOnlyList<string> Types, SubscriptionFilter Facts)
    {
        public bool Admits(ReceivedEvent received) =>
            (Types.Count == 0 || Types.Any(pattern => EventTypePattern.Matches(pattern, received.Type))) && Facts.Admits(received.Facts);
    }
}
