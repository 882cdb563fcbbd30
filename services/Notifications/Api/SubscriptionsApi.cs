using System.Security.Claims;
using System.Text.Json;
using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;
using ForumPlatform.Notifications.Subscriptions;
using ForumPlatform.Notifications.Webhooks;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Notifications.Api;

/// <summary>
/// Subscriptions and their delivery logs. Anyone may subscribe; the answer carries the subscription's management
/// token, and everything about one subscription needs that token or the <c>admin</c> role. A subscription managed
/// by someone else answers 404, as if it did not exist.
/// </summary>
public static class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications/subscriptions").WithTags("Subscriptions");
        api.MapPost("/", Create).AllowAnonymous().WithName("CreateSubscription")
            .WithSummary("Subscribes to event types. The answer shows the signing secret and the management token, once.");
        api.MapGet("/", List).RequireAuthorization(ManagementToken.PlatformAdmin).WithName("ListSubscriptions")
            .WithSummary("Every subscription (admin).");
        app.MapGet("/api/notifications/me/subscriptions", Mine).WithTags("Subscriptions").RequireAuthorization(ManagementToken.PlatformSignedIn)
            .WithName("ListMySubscriptions").WithSummary("The subscriptions the signed-in person created, oldest first.");
        app.MapGet("/api/notifications/deliveries", ListEveryDelivery).WithTags("Subscriptions").RequireAuthorization(ManagementToken.PlatformAdmin)
            .WithName("ListDeliveriesOfEverySubscription")
            .WithSummary("Deliveries of every subscription, newest first (status=failed for the ones that gave up), each with its subscription (admin).");

        var one = api.MapGroup("/{id:guid}").RequireAuthorization();
        one.MapGet("/", Get).WithName("GetSubscription").WithSummary("One subscription.");
        one.MapPut("/", Replace).WithName("ReplaceSubscription")
            .WithSummary("Replaces name, contact, webhook URL, event types and filters.");
        one.MapDelete("/", Delete).WithName("DeleteSubscription").WithSummary("Deletes the subscription and its delivery log.");
        one.MapPost("/pause", Pause).WithName("PauseSubscription")
            .WithSummary("Stops sending; deliveries are kept and go out when the subscription is resumed.");
        one.MapPost("/resume", Resume).WithName("ResumeSubscription")
            .WithSummary("Resumes a paused or disabled subscription; held deliveries go out at once.");
        one.MapPost("/rotate-secret", RotateSecret).WithName("RotateSubscriptionSecret")
            .WithSummary("Issues a new signing secret; the old one keeps signing too during the grace period.");
        one.MapPost("/ping", Ping).WithName("PingSubscription").WithSummary("Sends a forum.ping event to this subscription's webhook.");
        one.MapGet("/deliveries", ListDeliveries).WithName("ListDeliveries")
            .WithSummary("The subscription's deliveries, newest first, each with its attempts.");
        one.MapPost("/deliveries/{deliveryId:guid}/redeliver", RedeliverOne).WithName("RedeliverDelivery")
            .WithSummary("Sends one delivery again, with the same webhook-id.");
        one.MapPost("/redeliver", RedeliverFailed).WithName("RedeliverFailedDeliveries")
            .WithSummary("Sends again every failed delivery created since the given time.");
        return api;
    }

    private static async Task<Results<Created<CreatedSubscriptionResponse>, ValidationProblem>> Create(
        SubscriptionRequest request, ClaimsPrincipal user, NotificationsDbContext db, WebhookTargetGuard guard, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        await request.ValidateAsync(errors, guard, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var write = await db.BeginWriteAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var token = Subscription.NewManagementToken();
        var subscription = new Subscription
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name.Trim(),
            Contact = request.Contact.Trim(),
            WebhookUrl = request.NormalizedWebhookUrl,
            EventTypes = request.NormalizedEventTypes,
            Filter = request.NormalizedFilter,
            Secret = Subscription.NewSecret(),
            ManagementTokenHash = Subscription.HashToken(token),
            // Made by a person signed in: theirs to manage with that sign-in too (the website's portal); never a
            // machine client's, such as the website's own token on its anonymous subscribe page.
            OwnerSubject = ManagementToken.Person(user),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Subscriptions.Add(subscription);
        db.AddCreated(subscription, now);
        await write.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/notifications/subscriptions/{subscription.Id}",
            new CreatedSubscriptionResponse(SubscriptionResponse.From(subscription), subscription.Secret, token));
    }

    private static async Task<Ok<List<SubscriptionResponse>>> List(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var subscriptions = await db.Subscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(subscriptions.Select(SubscriptionResponse.From).ToList());
    }

    private static async Task<Ok<List<SubscriptionResponse>>> Mine(ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var subject = ManagementToken.Person(user);
        var subscriptions = subject is null
            ? []
            : await db.Subscriptions.AsNoTracking().Where(s => s.OwnerSubject == subject).OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(subscriptions.Select(SubscriptionResponse.From).ToList());
    }

    private static async Task<Results<Ok<SubscriptionResponse>, NotFound>> Get(
        Guid id, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken) =>
        await FindAsync(id, user, db, cancellationToken) is { } subscription
            ? TypedResults.Ok(SubscriptionResponse.From(subscription))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<SubscriptionResponse>, NotFound, ValidationProblem>> Replace(
        Guid id, SubscriptionRequest request, ClaimsPrincipal user, NotificationsDbContext db, WebhookTargetGuard guard,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, user, db, cancellationToken) is not { } subscription)
        {
            return TypedResults.NotFound();
        }

        var errors = new FieldErrors();
        await request.ValidateAsync(errors, guard, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        // The webhook address was checked (DNS) before the write, so no one waits on a lookup; a delete meanwhile makes the save stale.
        await using var write = await db.BeginWriteAsync(cancellationToken);
        subscription.Name = request.Name.Trim();
        subscription.Contact = request.Contact.Trim();
        subscription.WebhookUrl = request.NormalizedWebhookUrl;
        subscription.EventTypes = request.NormalizedEventTypes;
        subscription.Filter = request.NormalizedFilter;
        subscription.UpdatedAt = clock.GetUtcNow();
        try
        {
            await write.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.NotFound(); // deleted while the webhook address was checked
        }

        return TypedResults.Ok(SubscriptionResponse.From(subscription));
    }

    private static async Task<Results<NoContent, NotFound>> Delete(
        Guid id, ClaimsPrincipal user, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await FindAsync(id, user, db, cancellationToken) is not { } subscription)
        {
            return TypedResults.NotFound();
        }

        var deliveries = db.Deliveries.Where(delivery => delivery.SubscriptionId == id);
        await db.DeliveryAttempts.Where(attempt => deliveries.Any(delivery => delivery.Id == attempt.DeliveryId)).ExecuteDeleteAsync(cancellationToken);
        await deliveries.ExecuteDeleteAsync(cancellationToken);
        db.Subscriptions.Remove(subscription);
        db.AddDeleted(subscription, $"Deleted by {Who(user)}.", clock.GetUtcNow());
        await write.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<SubscriptionResponse>, NotFound>> Pause(
        Guid id, ClaimsPrincipal user, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await FindAsync(id, user, db, cancellationToken) is not { } subscription)
        {
            return TypedResults.NotFound();
        }

        db.ChangeStatus(subscription, SubscriptionStatus.Paused, $"Paused by {Who(user)}.", clock.GetUtcNow());
        await write.CommitAsync(cancellationToken);
        return TypedResults.Ok(SubscriptionResponse.From(subscription));
    }

    private static async Task<Results<Ok<SubscriptionResponse>, NotFound>> Resume(
        Guid id, ClaimsPrincipal user, NotificationsDbContext db, DeliverySignal deliveries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await FindAsync(id, user, db, cancellationToken) is not { } subscription)
        {
            return TypedResults.NotFound();
        }

        if (subscription.Status == SubscriptionStatus.Active)
        {
            return TypedResults.Ok(SubscriptionResponse.From(subscription)); // nothing held: retries keep their schedule
        }

        var now = clock.GetUtcNow();
        db.ChangeStatus(subscription, SubscriptionStatus.Active, $"Resumed by {Who(user)}.", now);
        // Held deliveries start a fresh retry schedule now.
        await db.Deliveries
            .Where(delivery => delivery.SubscriptionId == id && delivery.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.Attempts, 0).SetProperty(d => d.NextAttemptAt, now), cancellationToken);
        db.OnCommitted(deliveries.Wake);
        await write.CommitAsync(cancellationToken);
        return TypedResults.Ok(SubscriptionResponse.From(subscription));
    }

    private static async Task<Results<Ok<RotatedSecretResponse>, NotFound>> RotateSecret(
        Guid id, ClaimsPrincipal user, NotificationsDbContext db, IOptions<WebhookOptions> options, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await FindAsync(id, user, db, cancellationToken) is not { } subscription)
        {
            return TypedResults.NotFound();
        }

        subscription.RotateSecret(clock.GetUtcNow(), options.Value.SecretRotationGrace);
        await write.CommitAsync(cancellationToken);
        return TypedResults.Ok(new RotatedSecretResponse(subscription.Secret, subscription.PreviousSecretExpiresAt!.Value));
    }

    private static async Task<Results<Accepted<PingResponse>, NotFound, ProblemHttpResult>> Ping(
        Guid id, ClaimsPrincipal user, NotificationsDbContext db, DeliverySignal deliveries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await FindAsync(id, user, db, cancellationToken) is not { } subscription)
        {
            return TypedResults.NotFound();
        }

        if (subscription.WebhookUrl is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This subscription has no webhook.",
                detail: "A stream-only subscription has nothing to ping; listen on /api/notifications/stream instead.");
        }

        var now = clock.GetUtcNow();
        var ping = new ReceivedEvent
        {
            Id = Guid.CreateVersion7(now),
            Type = EventTypes.Ping,
            Source = "/notifications",
            Subject = $"subscriptions/{id}",
            OccurredAt = now,
            ReceivedAt = now,
            TraceId = System.Diagnostics.Activity.Current?.TraceId.ToHexString(),
            TraceParent = System.Diagnostics.Activity.Current?.Id,
            Data = JsonSerializer.Serialize(new Catalog.PingData(id, "A test event you asked for."), Catalog.EventCatalog.DataJson),
            Facts = new NotificationFacts(EventTypes.Ping),
            // Meant for one subscriber: never on the exchange or the stream.
            ExchangePublishedAt = now,
        };
        var delivery = new Delivery
        {
            Id = Guid.CreateVersion7(now),
            SubscriptionId = id,
            EventId = ping.Id,
            EventType = ping.Type,
            Status = DeliveryStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.ReceivedEvents.Add(ping);
        db.Deliveries.Add(delivery);
        db.OnCommitted(deliveries.Wake);
        await write.CommitAsync(cancellationToken);

        return TypedResults.Accepted($"/api/notifications/subscriptions/{id}/deliveries", new PingResponse(delivery.Id, ping.Id));
    }

    private static async Task<Results<Ok<List<DeliveryResponse>>, NotFound, ValidationProblem>> ListDeliveries(
        Guid id, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken,
        string? status = null, int limit = 50)
    {
        if (await FindAsync(id, user, db, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return await DeliveriesAsync(db, db.Deliveries.Where(delivery => delivery.SubscriptionId == id), status, limit, cancellationToken) switch
        {
            { Problem: { } problem } => problem,
            var found => TypedResults.Ok(found.Deliveries),
        };
    }

    private static async Task<Results<Ok<List<DeliveryResponse>>, ValidationProblem>> ListEveryDelivery(
        NotificationsDbContext db, CancellationToken cancellationToken, string? status = null, int limit = 50) =>
        await DeliveriesAsync(db, db.Deliveries, status, limit, cancellationToken) switch
        {
            { Problem: { } problem } => problem,
            var found => TypedResults.Ok(found.Deliveries),
        };

    /// <summary>Deliveries among <paramref name="scope"/>, newest first, in one status if asked, each with every attempt.</summary>
    private static async Task<(List<DeliveryResponse> Deliveries, ValidationProblem? Problem)> DeliveriesAsync(
        NotificationsDbContext db, IQueryable<Delivery> scope, string? status, int limit, CancellationToken cancellationToken)
    {
        var query = scope.AsNoTracking();
        if (status is not null)
        {
            if (!EnumNames.TryParse<DeliveryStatus>(status, out var wanted))
            {
                return ([], FieldErrors.Problem("status", "Expected pending, delivered or failed."));
            }

            query = query.Where(delivery => delivery.Status == wanted);
        }

        if (limit is < 1 or > 200)
        {
            return ([], FieldErrors.Problem("limit", "Between 1 and 200."));
        }

        var deliveries = await query
            .OrderByDescending(delivery => delivery.CreatedAt).ThenByDescending(delivery => delivery.Id)
            .Take(limit)
            .Join(db.ReceivedEvents, delivery => delivery.EventId, received => received.Id, (delivery, received) => new { delivery, received.TraceId })
            .ToListAsync(cancellationToken);
        var ids = deliveries.Select(row => row.delivery.Id).ToList();
        var attempts = (await db.DeliveryAttempts.AsNoTracking().Where(attempt => ids.Contains(attempt.DeliveryId)).ToListAsync(cancellationToken))
            .ToLookup(attempt => attempt.DeliveryId);
        return ([.. deliveries.Select(row => new DeliveryResponse(
            row.delivery.Id, row.delivery.SubscriptionId, row.delivery.EventId, row.delivery.EventType, row.delivery.Status.ToString().ToLowerInvariant(),
            row.delivery.TotalAttempts, row.delivery.CreatedAt, row.delivery.NextAttemptAt, row.delivery.CompletedAt,
            row.delivery.LastStatusCode, row.delivery.LastError, row.TraceId,
            attempts[row.delivery.Id].OrderBy(attempt => attempt.Number)
                .Select(attempt => new AttemptResponse(
                    attempt.Number, attempt.StartedAt, attempt.DurationMilliseconds, attempt.StatusCode, attempt.Error, attempt.ResponseExcerpt))
                .ToList()))], null);
    }

    private static async Task<Results<Accepted<RedeliveryResponse>, NotFound, ProblemHttpResult>> RedeliverOne(
        Guid id, Guid deliveryId, ClaimsPrincipal user, NotificationsDbContext db, DeliverySignal deliveries, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await FindAsync(id, user, db, cancellationToken) is null
            || await db.Deliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, cancellationToken) is not { } delivery)
        {
            return TypedResults.NotFound();
        }

        if (delivery.Status == DeliveryStatus.Pending)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The delivery is still pending.",
                detail: $"Its next attempt is due at {delivery.NextAttemptAt:u}.");
        }

        Rearm(delivery, clock.GetUtcNow());
        db.OnCommitted(deliveries.Wake);
        await write.CommitAsync(cancellationToken);
        return TypedResults.Accepted($"/api/notifications/subscriptions/{id}/deliveries", new RedeliveryResponse(1));
    }

    private static async Task<Results<Accepted<RedeliveryResponse>, NotFound>> RedeliverFailed(
        Guid id, RedeliverRequest request, ClaimsPrincipal user, NotificationsDbContext db, DeliverySignal deliveries,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (await FindAsync(id, user, db, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var count = await db.Deliveries
            .Where(delivery => delivery.SubscriptionId == id && delivery.Status == DeliveryStatus.Failed && delivery.CreatedAt >= request.Since)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, DeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.NextAttemptAt, now)
                .SetProperty(d => d.CompletedAt, (DateTimeOffset?)null), cancellationToken);
        db.OnCommitted(deliveries.Wake);
        await write.CommitAsync(cancellationToken);
        return TypedResults.Accepted($"/api/notifications/subscriptions/{id}/deliveries", new RedeliveryResponse(count));
    }

    private static void Rearm(Delivery delivery, DateTimeOffset now)
    {
        delivery.Status = DeliveryStatus.Pending;
        delivery.Attempts = 0;
        delivery.NextAttemptAt = now;
        delivery.CompletedAt = null;
    }

    /// <summary>Who acted, for a status reason: the token's subject (<c>subscription:{id}</c> for a management token).</summary>
    private static string Who(ClaimsPrincipal user) => user.Identity?.Name ?? "its owner";

    /// <summary>
    /// The caller's subscription, or null. Changes call it inside their write (<c>BeginWriteAsync</c>), so changes of one
    /// subscription and the dispatcher's disabling apply one after the other: a second pause sees it paused and raises
    /// no second status event, a second delete finds nothing (404), a ping after a delete is a 404.
    /// </summary>
    private static async Task<Subscription?> FindAsync(Guid id, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken) =>
        await db.Subscriptions.FirstOrDefaultAsync(subscription => subscription.Id == id, cancellationToken) is { } found && user.CanManage(found)
            ? found
            : null;
}
