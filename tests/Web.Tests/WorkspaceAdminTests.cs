using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>Admins in the workspace, in Chromium through the gateway, with a real webhook endpoint.</summary>
[Collection(WebsiteCollection.Name)]
public sealed class WorkspaceAdminTests(WebsiteFixture site)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_admin_sees_every_subscription_and_a_failed_delivery_with_its_answer_and_sends_it_again()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var hook = receiver.NewEndpoint(new WebhookAnswer(400, Body: "Refused for the admin test."), new WebhookAnswer(204));
        var name = $"Admin test {Guid.NewGuid():N}"[..19];
        using var anyone = site.System.Gateway();
        var created = await anyone.PostAsJsonAsync("/api/notifications/subscriptions",
            new { name, contact = "ops@example.org", webhookUrl = hook, eventTypes = new[] { "forum.article.published" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var owner = site.System.Gateway();
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("managementToken").GetString());
        var id = body.GetProperty("subscription").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Accepted, (await owner.PostAsync($"/api/notifications/subscriptions/{id}/ping", null)).StatusCode);
        await receiver.WaitForAsync(hook, 1, Patience);

        var page = await Staff.SignedInAsync(site, ForumRoles.Admin, "/workspace/notifications");
        await Assertions.Expect(page.Locator("section[aria-labelledby=all-heading]").GetByText(name)).ToBeVisibleAsync();
        var failed = page.Locator("ol.deliveries li").Filter(new() { HasText = name });
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync("/workspace/notifications");
            return await failed.CountAsync() == 1;
        }, Patience, "the refused test event among the failed deliveries");
        await Assertions.Expect(failed.Locator("code.excerpt")).ToHaveTextAsync("Refused for the admin test.");

        await failed.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Send again: forum.ping of") }).ClickAsync();
        await page.WaitForURLAsync("**?done=redeliver");
        await receiver.WaitForAsync(hook, 2, Patience);
        await Eventually.TrueAsync(async () =>
        {
            await page.GotoAsync("/workspace/notifications");
            return await failed.CountAsync() == 0;
        }, Patience, "the delivered test event to leave the failed deliveries");

        await PageChecks.AssertAccessibleAndFitsAsync(site, "/workspace/notifications", await page.Context.StorageStateAsync());
        var editor = await Staff.SignedInAsync(site, ForumRoles.Editor, "/workspace");
        Assert.Equal(403, (await editor.GotoAsync("/workspace/notifications"))!.Status);
    }
}
