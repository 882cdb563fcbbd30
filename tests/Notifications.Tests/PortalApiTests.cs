using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.Notifications.Tests;

/// <summary>What the subscriber portal and the admins' pages need: subscriptions owned by whoever made them signed in, the answers' excerpts, every subscription's failures.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class PortalApiTests(NotificationsServiceFixture service)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private HttpClient Person(string subject)
    {
        var client = service.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestAuthority.Shared.Token(subject, []));
        return client;
    }

    [Fact]
    public async Task A_subscription_made_signed_in_is_managed_by_that_person_and_nobody_else_but_its_token_and_admins()
    {
        var aigerim = $"person-{Guid.NewGuid():N}";
        using var owner = Person(aigerim);
        using var stranger = Person($"person-{Guid.NewGuid():N}");
        var created = await owner.PostAsJsonAsync("/api/notifications/subscriptions",
            new { name = "Aigerim's feed", contact = "aigerim@example.org", eventTypes = new[] { "forum.article.published" }, webhookUrl = service.Receiver.NewEndpoint() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("subscription").GetProperty("id").GetString();
        var path = $"/api/notifications/subscriptions/{id}";

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"{path}/pause", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(path)).StatusCode); // as if it did not exist
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{path}/resume", null)).StatusCode);
        using var token = service.Anonymous();
        token.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("managementToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await token.PostAsync($"{path}/resume", null)).StatusCode);
        using var admin = service.ClientFor(ForumRoles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);

        var mine = await owner.GetFromJsonAsync<JsonElement>("/api/notifications/me/subscriptions");
        Assert.Equal([id], mine.EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/notifications/me/subscriptions")).EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Anonymous().GetAsync("/api/notifications/me/subscriptions")).StatusCode);

        // Made anonymously: nobody's, whoever is signed in.
        var anonymous = await service.SubscribeAsync(service.Receiver.NewEndpoint(), ["forum.article.published"]);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/notifications/subscriptions/{anonymous.Id}")).StatusCode);

        // Made with a machine client's own token (as the website's anonymous subscribe page does): nobody's either.
        using var machine = service.Anonymous();
        machine.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestAuthority.Shared.Token("forum-web", [], clientId: "forum-web"));
        var machineMade = await machine.PostAsJsonAsync("/api/notifications/subscriptions",
            new { name = "Via the website", contact = "reader@example.org", eventTypes = new[] { "forum.article.published" }, webhookUrl = service.Receiver.NewEndpoint() });
        var machineId = (await machineMade.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await machine.GetAsync($"/api/notifications/subscriptions/{machineId}")).StatusCode);
        Assert.Empty((await machine.GetFromJsonAsync<JsonElement>("/api/notifications/me/subscriptions")).EnumerateArray());
    }

    [Fact]
    public async Task Each_attempt_keeps_the_start_of_the_subscribers_answer_and_admins_see_failures_of_every_subscription()
    {
        var refusal = "Unknown event: " + new string('x', 600);
        var url = service.Receiver.NewEndpoint(new WebhookAnswer(400, Body: refusal));
        var subscription = await service.SubscribeAsync(url, ["forum.article.published"]);
        using var owner = service.Owner(subscription);
        await service.PublishAsync(SampleEvents.ArticlePublished());

        var failed = await Eventually.GetValueAsync(async () =>
            {
                var list = await owner.GetFromJsonAsync<JsonElement>($"/api/notifications/subscriptions/{subscription.Id}/deliveries?status=failed");
                return list.GetArrayLength() > 0 ? (JsonElement?)list[0] : null;
            }, Patience, "the delivery to give up on a 400");
        var attempt = Assert.Single(failed.GetProperty("attemptLog").EnumerateArray());
        Assert.Equal(400, attempt.GetProperty("statusCode").GetInt32());
        var excerpt = attempt.GetProperty("responseExcerpt").GetString()!;
        Assert.StartsWith("Unknown event: xxx", excerpt, StringComparison.Ordinal);
        Assert.Equal(500, excerpt.Length); // the rest of a long answer is not kept

        using var admin = service.ClientFor(ForumRoles.Admin);
        var everyFailure = await admin.GetFromJsonAsync<JsonElement>("/api/notifications/deliveries?status=failed&limit=200");
        Assert.Contains(everyFailure.EnumerateArray(), delivery =>
            delivery.GetProperty("id").GetString() == failed.GetProperty("id").GetString()
            && delivery.GetProperty("subscriptionId").GetGuid() == subscription.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.ClientFor(ForumRoles.Editor).GetAsync("/api/notifications/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/notifications/deliveries?status=lost")).StatusCode);
    }
}
