using System.Text.Json;
using ForumPlatform.Notifications.Catalog;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ForumPlatform.Notifications.Api;

/// <summary>The event catalog for subscribers: anonymous, as what a subscription can receive is no secret.</summary>
public static class EventCatalogApi
{
    private static readonly Microsoft.Net.Http.Headers.EntityTagHeaderValue CatalogETag =
        ConditionalGet.ETagOf(JsonSerializer.Serialize(EventCatalog.All, EventCatalog.DataJson));

    public static RouteHandlerBuilder MapEventCatalogApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/notifications/event-types", Results<Ok<IReadOnlyList<EventTypeDescription>>, StatusCodeHttpResult> (HttpContext http) =>
                ConditionalGet.IsNotModified(http, CatalogETag)
                    ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                    : TypedResults.Ok(EventCatalog.All))
            .AllowAnonymous()
            .WithTags("Event catalog")
            .WithName("ListEventTypes")
            .WithSummary("Every CloudEvent type subscribers receive, with a JSON Schema of its data (generated from the contract it is written from) and an example.");
}
