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

    [Fact]
    public async Task An_admin_gives_a_role_that_counts_from_the_next_sign_in_then_locks_the_person_out()
    {
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        var reader = await Reader.SignedInAsync(site, "/", email: email);
        Assert.Equal(403, (await reader.GotoAsync("/workspace"))!.Status);

        var admin = await Staff.SignedInAsync(site, ForumRoles.Admin, "/workspace/people");
        await admin.GetByLabel("Email or name").FillAsync(email);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Aigerim Reader" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Give: Editor" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("The role is given: it counts from their next sign-in.");
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Take away: Editor" })).ToBeVisibleAsync();
        var personPath = new Uri(admin.Url).AbsolutePath;

        // The sign-in the reader has still carries no role; the next one does.
        Assert.Equal(403, (await reader.GotoAsync("/workspace"))!.Status);
        await SignOutAsync(reader);
        await reader.GotoAsync("/signin?returnUrl=%2Fworkspace");
        await SignInAsync(reader, email);
        await reader.WaitForURLAsync("**/workspace");
        await Assertions.Expect(reader.Locator("nav.workspace-nav").GetByRole(AriaRole.Link, new() { Name = "Articles" })).ToBeVisibleAsync();

        // Locked out: the next sign-in is refused with the words any failed sign-in gets.
        await PageChecks.TabToAsync(admin, admin.GetByRole(AriaRole.Button, new() { Name = "Lock out" }));
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToHaveTextAsync("Locked out: they cannot sign in, and their sign-in ended.");
        await Assertions.Expect(admin.Locator("section[aria-labelledby=audit-heading] tbody")).ToContainTextAsync("Locked by an admin");
        await Assertions.Expect(admin.Locator("section[aria-labelledby=audit-heading] tbody")).ToContainTextAsync("Role given");
        await SignOutAsync(reader);
        await reader.GotoAsync("/signin?returnUrl=%2Fworkspace");
        await SignInAsync(reader, email);
        await Assertions.Expect(reader.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        Assert.Contains("/account/", new Uri(reader.Url).AbsolutePath, StringComparison.Ordinal);

        await admin.GotoAsync($"/workspace/audit?subject={Uri.EscapeDataString(email)}&kind=role-granted");
        await Assertions.Expect(admin.Locator("table.audit tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(admin.Locator("table.audit tbody tr")).ToContainTextAsync("Development admin");
        await admin.GotoAsync(personPath);

        // A reset link is shown once, on the answer to the button only.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create a reset link" }).ClickAsync();
        await Assertions.Expect(admin.GetByLabel("Reset link")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/account/reset-password"));
        await admin.GotoAsync(personPath);
        await Assertions.Expect(admin.GetByLabel("Reset link")).ToHaveCountAsync(0);

        var storage = await admin.Context.StorageStateAsync();
        foreach (var path in new[] { "/workspace/people?q=forum.local", personPath, $"/workspace/audit?kind=account-locked" })
        {
            await PageChecks.AssertAccessibleAndFitsAsync(site, path, storage);
        }
    }

    [Fact]
    public async Task An_admin_creates_a_machine_client_whose_secret_is_shown_once_and_works_then_revokes_it()
    {
        var clientId = $"web-test-{Guid.NewGuid():N}"[..20];
        var admin = await Staff.SignedInAsync(site, ForumRoles.Admin, "/workspace/clients");
        await admin.GetByLabel("Client id").FillAsync("no spaces allowed");
        await admin.GetByLabel("Name", new() { Exact = true }).FillAsync("Web test importer");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the client" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#clientId-error")).Not.ToBeEmptyAsync();

        await admin.GetByLabel("Client id").FillAsync(clientId);
        await admin.GetByRole(AriaRole.Checkbox, new() { Name = "Analyst" }).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create the client" }).ClickAsync();
        var secret = await admin.GetByLabel("Client secret").InputValueAsync();
        Assert.True(secret.Length >= 32, secret);

        using var gateway = site.System.Gateway();
        async Task<HttpResponseMessage> TokenAsync() => await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        var token = await (await TokenAsync()).Content.ReadFromJsonAsync<JsonElement>();
        using var asClient = site.System.Gateway();
        asClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await asClient.GetAsync("/api/stats/imports")).StatusCode); // an analyst's read

        await admin.GotoAsync("/workspace/clients");
        await Assertions.Expect(admin.GetByLabel("Client secret")).ToHaveCountAsync(0);
        var card = admin.Locator("li.card").Filter(new() { HasText = clientId });
        await Assertions.Expect(card).ToContainTextAsync("Analyst");
        await PageChecks.AssertAccessibleAndFitsAsync(site, "/workspace/clients", await admin.Context.StorageStateAsync());

        await PageChecks.TabToAsync(admin, admin.GetByRole(AriaRole.Button, new() { Name = $"Revoke {clientId}" }), atMost: 200);
        await admin.Keyboard.PressAsync("Enter");
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Revoked");
        await Assertions.Expect(card).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync()).StatusCode); // invalid_client

        await admin.GotoAsync($"/workspace/audit?subject={clientId}");
        await Assertions.Expect(admin.Locator("table.audit tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(admin.Locator("table.audit tbody")).ToContainTextAsync("Machine client created");
        await Assertions.Expect(admin.Locator("table.audit tbody")).ToContainTextAsync("Development admin");
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.FillAsync("input[type=email]", email);
        await page.FillAsync("input[type=password]", Reader.Password);
        await page.Locator("form button[type=submit]").First.ClickAsync();
    }
}
