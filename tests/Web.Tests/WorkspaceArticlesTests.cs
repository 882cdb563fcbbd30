using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>Editors at work in the website's workspace, in Chromium through the gateway, against the whole system.</summary>
[Collection(WebsiteCollection.Name)]
public sealed class WorkspaceArticlesTests(WebsiteFixture site)
{
    private readonly Newsroom newsroom = new(site);

    private static string Unique(string text) => $"{text} {Guid.NewGuid():N}"[..(text.Length + 9)];

    [Fact]
    public async Task An_editor_writes_with_a_live_preview_finds_the_draft_publishes_it_and_retracts_it()
    {
        var title = Unique("Workspace corridor report");
        var page = await Staff.SignedInAsync(site, ForumRoles.Editor, "/workspace/articles/new");

        await page.FillAsync("#title", title);
        await page.FillAsync("#summary", "Written in the workspace.");
        await page.FillAsync("#body", "## Freight by rail\n\nThe corridor carried **more** containers.");
        // The preview is the articles service's rendering, as it arrives while the editor writes.
        var preview = page.Locator("#article-preview");
        await Assertions.Expect(preview.Locator("h2")).ToHaveTextAsync("Freight by rail");
        await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("more");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create the draft" }).ClickAsync();
        await page.WaitForURLAsync("**/workspace/articles/*?done=created");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "The draft is saved." })).ToBeVisibleAsync();
        var id = Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/')[^1]);

        await page.GotoAsync($"/workspace/articles?status=draft&q={Uri.EscapeDataString(title[^8..])}");
        await Assertions.Expect(page.Locator("table a")).ToHaveTextAsync([title]);
        await page.GotoAsync($"/workspace/articles?status=published&q={Uri.EscapeDataString(title[^8..])}");
        await Assertions.Expect(page.GetByText("No articles in this state hold")).ToBeVisibleAsync();

        await page.GotoAsync($"/workspace/articles/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish now" }).ClickAsync();
        await page.WaitForURLAsync("**?done=published");
        var slug = (await newsroom.ArticleAsync(id)).GetProperty("slug").GetString();
        var reader = await site.NewPageAsync();
        await reader.GotoAsync($"/news/{slug}");
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(reader.Locator("article h2")).ToHaveTextAsync("Freight by rail");

        await page.FillAsync("#reason", "The container figures were for another corridor.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Retract" }).ClickAsync();
        await page.WaitForURLAsync("**?done=retracted");
        Assert.Equal("retracted", (await newsroom.ArticleAsync(id)).GetProperty("status").GetString());
        await reader.ReloadAsync();
        await Assertions.Expect(reader.GetByText("The container figures were for another corridor.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_refused_draft_shows_each_message_beside_its_field_and_keeps_the_text()
    {
        var page = await Staff.SignedInAsync(site, ForumRoles.Editor, "/workspace/articles/new");
        await page.FillAsync("#title", "Ok"); // too short
        await page.FillAsync("#body", "Text worth keeping.");
        await page.FillAsync("#coverImageUrl", "https://example.org/cover.jpg"); // without its description

        await page.GetByRole(AriaRole.Button, new() { Name = "Create the draft" }).ClickAsync();

        await Assertions.Expect(page.Locator("#title-error")).ToContainTextAsync("3 to 300 characters");
        await Assertions.Expect(page.Locator("#coverImageAlt-error")).ToContainTextAsync("alternative text");
        await Assertions.Expect(page.Locator("#title")).ToHaveAttributeAsync("aria-describedby", "title-error");
        await Assertions.Expect(page.Locator("#body")).ToHaveValueAsync("Text worth keeping.");
        Assert.EndsWith("/workspace/articles/new", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_editors_collide_and_the_second_sees_what_the_first_changed_then_merges_knowingly()
    {
        var (id, _, _) = await newsroom.CreateDraftAsync(new { title = Unique("Collision draft"), language = "en", body = "First paragraph." });
        var first = await Staff.SignedInAsync(site, ForumRoles.Editor, $"/workspace/articles/{id}");
        var second = await Staff.SignedInAsync(site, ForumRoles.Admin, $"/workspace/articles/{id}");

        var firstTitle = Unique("Collision draft, retitled by the first");
        await first.FillAsync("#title", firstTitle);
        await first.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await first.WaitForURLAsync("**?done=saved");

        await second.FillAsync("#body", "First paragraph.\n\nA second paragraph by the second editor.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        // Nothing of the second editor's was saved; they see the first editor's change beside their own text.
        var conflict = second.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Someone else saved this article while you were editing" });
        await Assertions.Expect(conflict).ToBeVisibleAsync();
        await Assertions.Expect(conflict.Locator("table.diff").First.Locator("ins")).ToHaveTextAsync(firstTitle);
        await Assertions.Expect(second.Locator("#body")).ToHaveValueAsync("First paragraph.\n\nA second paragraph by the second editor.");
        Assert.Equal(firstTitle, (await newsroom.ArticleAsync(id)).GetProperty("title").GetString());

        // They take the first editor's title, keep their body, and save over the first version knowingly.
        await conflict.GetByRole(AriaRole.Button, new() { Name = "Use their Title" }).ClickAsync();
        await Assertions.Expect(second.Locator("#title")).ToHaveValueAsync(firstTitle);
        await second.GetByRole(AriaRole.Button, new() { Name = "Save my version over theirs" }).ClickAsync();
        await second.WaitForURLAsync("**?done=saved");

        var merged = await newsroom.ArticleAsync(id);
        Assert.Equal(firstTitle, merged.GetProperty("title").GetString());
        Assert.Equal("First paragraph.\n\nA second paragraph by the second editor.", merged.GetProperty("body").GetString());
        Assert.Equal(3, merged.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task An_editor_compares_an_earlier_revision_side_by_side_and_restores_it()
    {
        var (id, _, etag) = await newsroom.CreateDraftAsync(new { title = Unique("Restored draft"), language = "en", body = "The original line." });
        var title = (await newsroom.ArticleAsync(id)).GetProperty("title").GetString();
        await newsroom.EditAsync(id, etag, new { title, language = "en", body = "A rewritten line." });
        var page = await Staff.SignedInAsync(site, ForumRoles.Editor, $"/workspace/articles/{id}/revisions");

        await page.GetByRole(AriaRole.Link, new() { Name = "Compare revision 1 with the current text" }).ClickAsync();
        var body = page.Locator("table.diff").Filter(new() { Has = page.Locator("caption", new() { HasText = "Body" }) });
        await Assertions.Expect(body.Locator("del")).ToHaveTextAsync("The original line.");
        await Assertions.Expect(body.Locator("ins")).ToHaveTextAsync("A rewritten line.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Restore revision 1" }).ClickAsync();
        await page.WaitForURLAsync("**?done=restored");
        var restored = await newsroom.ArticleAsync(id);
        Assert.Equal("The original line.", restored.GetProperty("body").GetString());
        Assert.Equal(3, restored.GetProperty("revision").GetInt32());
        Assert.Equal("restored", (await newsroom.RevisionsAsync(id))[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task Text_being_written_survives_an_ended_sign_in_and_leaving_with_it_unsaved_asks_first()
    {
        var (id, _, _) = await newsroom.CreateDraftAsync(new { title = Unique("Kept draft"), language = "en", body = "Before." });
        var page = await Staff.SignedInAsync(site, ForumRoles.Editor, $"/workspace/articles/{id}");
        await page.FillAsync("#body", "Before.\n\nWritten while the sign-in ended.");

        // Leaving asks first; staying keeps the text.
        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Type;
            await dialog.DismissAsync();
        };
        await page.Locator(".breadcrumbs a").ClickAsync();
        await ForumPlatform.Testing.Eventually.TrueAsync(() => Task.FromResult(asked is not null), TimeSpan.FromSeconds(10), "the question before leaving");
        Assert.Equal("beforeunload", asked);
        Assert.EndsWith($"/workspace/articles/{id}", page.Url, StringComparison.Ordinal);

        // The sign-in ends (every cookie gone); saving leads through signing in again, and the text is still there.
        await page.Context.ClearCookiesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/account/**");
        await Staff.SignInAtIdentityAsync(page, ForumRoles.Editor);
        await page.WaitForURLAsync($"**/workspace/articles/{id}");
        await Assertions.Expect(page.Locator("#body")).ToHaveValueAsync("Before.\n\nWritten while the sign-in ended.");
        await Assertions.Expect(page.Locator("#draft-status")).ToContainTextAsync("back in the form");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**?done=saved");
        Assert.Equal("Before.\n\nWritten while the sign-in ended.", (await newsroom.ArticleAsync(id)).GetProperty("body").GetString());
        // Saved: the browser keeps it no longer, so the next visit shows the article as stored.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#draft-status")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task A_person_without_the_role_gets_a_page_saying_so_and_a_visitor_is_asked_to_sign_in()
    {
        var reader = await Reader.SignedInAsync(site, "/");
        var refused = await reader.GotoAsync("/workspace/articles");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(reader.Locator("h1")).ToHaveTextAsync("Not for your account");
        Assert.EndsWith("/workspace/articles", reader.Url, StringComparison.Ordinal);
        Assert.Equal(0, await reader.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Workspace" }).CountAsync());
        await PageChecks.AssertAccessibleAndFitsAsync(site, "/workspace/articles", await reader.Context.StorageStateAsync());

        var organizer = await Staff.SignedInAsync(site, ForumRoles.Organizer, "/workspace");
        await Assertions.Expect(organizer.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Workspace" })).ToBeVisibleAsync();
        Assert.Equal(0, await organizer.Locator(".workspace-nav").GetByRole(AriaRole.Link, new() { Name = "Articles" }).CountAsync());
        Assert.Equal(403, (await organizer.GotoAsync("/workspace/articles/new"))!.Status);

        var visitor = await site.NewPageAsync();
        await visitor.GotoAsync("/workspace/articles");
        Assert.Contains("/account/", new Uri(visitor.Url).AbsolutePath, StringComparison.Ordinal); // the identity service's sign-in
    }

    [Fact]
    public async Task An_editor_writes_a_draft_with_the_keyboard_alone_and_every_editor_page_passes_axe_at_both_widths()
    {
        var page = await Staff.SignedInAsync(site, ForumRoles.Editor, "/workspace/articles/new");
        var title = Unique("Keyboard draft");
        await PageChecks.TabToAsync(page, page.Locator("#title"));
        await page.Keyboard.TypeAsync(title);
        await PageChecks.TabToAsync(page, page.Locator("#body"));
        await page.Keyboard.TypeAsync("Typed with the keyboard.");
        await PageChecks.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Create the draft" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**?done=created");
        var id = new Uri(page.Url).AbsolutePath.Split('/')[^1];
        Assert.Equal(title, (await newsroom.ArticleAsync(Guid.Parse(id))).GetProperty("title").GetString());

        var signedIn = await page.Context.StorageStateAsync();
        foreach (var path in new[] { "/workspace", "/workspace/articles", "/workspace/articles/new", $"/workspace/articles/{id}", $"/workspace/articles/{id}/revisions?compare=1" })
        {
            await PageChecks.AssertAccessibleAndFitsAsync(site, path, signedIn);
        }
    }
}
