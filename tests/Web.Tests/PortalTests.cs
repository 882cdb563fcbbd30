using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ForumPlatform.Testing;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>The subscriber portal and the event catalog, in Chromium through the gateway, with a real webhook endpoint.</summary>
[Collection(WebsiteCollection.Name)]
public sealed class PortalTests(WebsiteFixture site)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_signed_in_subscriber_pauses_resumes_pings_reads_the_answer_in_the_log_redelivers_and_rotates_the_secret()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = receiver.NewEndpoint(new WebhookAnswer(400, Body: "Not today: our endpoint is being moved."), new WebhookAnswer(204));
        var page = await Reader.SignedInAsync(site, "/subscribe");
        await page.FillAsync("#name", "Portal subscriber");
        await page.FillAsync("#contact", "portal@example.org");
        await page.FillAsync("#webhookUrl", hook);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the subscription" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage it under My subscriptions" }).ClickAsync();
        await page.WaitForURLAsync("**/my-subscriptions/*");
        var manage = new Uri(page.Url).AbsolutePath;

        // Paused from the keyboard alone, then resumed.
        await PageChecks.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Pause" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**?done=pause");
        await Assertions.Expect(page.Locator(".facts .badge")).ToHaveTextAsync("Paused");
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await page.WaitForURLAsync("**?done=resume");
        await Assertions.Expect(page.Locator(".facts .badge")).ToHaveTextAsync("Active");

        // A test event: the endpoint refuses it, and the log shows the attempt with the start of the answer.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a test event" }).ClickAsync();
        await page.WaitForURLAsync("**?done=ping");
        var ping = page.Locator("ol.deliveries li").Filter(new() { HasText = "forum.ping" });
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync(manage);
            return await ping.Locator(".badge").TextContentAsync() == "Failed";
        }, Patience, "the test event to fail at the endpoint");
        await Assertions.Expect(ping.Locator("table.attempts")).ToContainTextAsync("HTTP 400");
        await Assertions.Expect(ping.Locator("code.excerpt")).ToHaveTextAsync("Not today: our endpoint is being moved.");

        // Sent again: the endpoint takes it this time.
        await ping.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Send again: forum.ping of") }).ClickAsync();
        await page.WaitForURLAsync("**?done=redeliver");
        await receiver.WaitForAsync(hook, 2, Patience);
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync(manage);
            return await ping.Locator(".badge").TextContentAsync() == "Delivered";
        }, Patience, "the redelivered test event to be delivered");
        Assert.Equal(receiver.At(hook)[0].WebhookId, receiver.At(hook)[1].WebhookId); // the same delivery, so subscribers can tell

        await page.GetByRole(AriaRole.Button, new() { Name = "New signing secret" }).ClickAsync();
        Assert.StartsWith("whsec_", (await page.Locator("#new-secret").InnerTextAsync()).Trim(), StringComparison.Ordinal);

        await page.GotoAsync("/my-subscriptions");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Portal subscriber" })).ToBeVisibleAsync();

        var signedIn = await page.Context.StorageStateAsync();
        foreach (var path in new[] { "/my-subscriptions", manage })
        {
            await PageChecks.AssertAccessibleAndFitsAsync(site, path, signedIn);
        }
    }

    [Fact]
    public async Task The_event_catalog_page_shows_every_type_with_an_example_that_is_the_services_own_and_passes_axe()
    {
        using var anyone = site.System.Gateway();
        var catalog = await anyone.GetFromJsonAsync<JsonElement>("/api/notifications/event-types");
        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/subscribe/events");

        foreach (var entry in catalog.EnumerateArray())
        {
            var type = entry.GetProperty("type").GetString()!;
            var section = page.Locator($"section[id='{type}']");
            await Assertions.Expect(section.Locator("h2")).ToHaveTextAsync(type);
            var shown = JsonNode.Parse(await section.Locator("pre code").First.InnerTextAsync());
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(entry.GetProperty("example").GetRawText()), shown), $"{type}: {shown}");
        }

        await PageChecks.AssertAccessibleAndFitsAsync(site, "/subscribe/events");
    }
}
