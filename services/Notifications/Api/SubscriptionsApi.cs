using System.ComponentModel.DataAnnotations;
using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Notifications.Api;

public sealed record CreateSubscriptionRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Name,
    [property: Required, MinLength(1)] IReadOnlyList<string> EventTypes,
    IReadOnlyList<string>? Tags = null);

public sealed record SubscriptionResponse(
    Guid Id, string Name, IReadOnlyList<string> EventTypes, IReadOnlyList<string> Tags, bool Active, DateTimeOffset CreatedAt)
{
    public static SubscriptionResponse From(Subscription subscription) => new(
        subscription.Id, subscription.Name, subscription.EventTypes, subscription.Tags, subscription.Active, subscription.CreatedAt);
}

public sealed record DeliveryResponse(
    Guid Id, Guid EventId, string EventType, string Status, DateTimeOffset CreatedAt, string? TraceId);

public static class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this IEndpointRouteBuilder app)
    {
        // Subscribers' own management tokens come with the webhook channel; until then only admins manage them.
        var api = app.MapGroup("/api/notifications/subscriptions")
            .WithTags("Subscriptions")
            .RequireAuthorization(ForumPolicies.Admin);
        api.MapPost("/", Create).WithName("CreateSubscription").WithSummary("Subscribes to event types, optionally filtered by tags.");
        api.MapGet("/", List).WithName("ListSubscriptions").WithSummary("Every subscription.");
        api.MapGet("/{id:guid}/deliveries", ListDeliveries).WithName("ListDeliveries")
            .WithSummary("The deliveries owed to one subscription, newest first.");
        return api;
    }

    private static async Task<Results<Created<SubscriptionResponse>, ValidationProblem>> Create(
        CreateSubscriptionRequest request, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var unknown = request.EventTypes.Where(type => !IsKnownPattern(type)).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["eventTypes"] = unknown.Select(type => $"Unknown event type '{type}'.").ToArray(),
            });
        }

        var now = clock.GetUtcNow();
        var subscription = new Subscription
        {
            Id = Guid.CreateVersion7(now),
            Name = request.Name.Trim(),
            EventTypes = request.EventTypes.Distinct().ToList(),
            Tags = request.Tags?.Select(tag => tag.Trim().ToLowerInvariant()).Where(tag => tag.Length > 0).Distinct().ToList() ?? [],
            CreatedAt = now,
        };
        db.Subscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/notifications/subscriptions/{subscription.Id}", SubscriptionResponse.From(subscription));
    }

    private static async Task<Ok<List<SubscriptionResponse>>> List(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var subscriptions = await db.Subscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(subscriptions.Select(SubscriptionResponse.From).ToList());
    }

    private static async Task<Results<Ok<List<DeliveryResponse>>, NotFound>> ListDeliveries(
        Guid id, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Subscriptions.AnyAsync(subscription => subscription.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var deliveries = await db.Deliveries.AsNoTracking()
            .Where(delivery => delivery.SubscriptionId == id)
            .OrderByDescending(delivery => delivery.CreatedAt)
            .Take(200)
            .Join(db.ReceivedEvents, delivery => delivery.EventId, received => received.Id,
                (delivery, received) => new DeliveryResponse(
                    delivery.Id, delivery.EventId, delivery.EventType, delivery.Status.ToString(), delivery.CreatedAt, received.TraceId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(deliveries);
    }

    private static bool IsKnownPattern(string pattern) =>
        pattern.EndsWith(".*", StringComparison.Ordinal)
            ? EventTypes.All.Any(type => type.StartsWith(pattern[..^1], StringComparison.Ordinal))
            : EventTypes.All.Contains(pattern);
}
