using System.Text;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>Analysts in the workspace, in Chromium through the gateway to the real statistics service.</summary>
[Collection(WebsiteCollection.Name)]
public sealed class WorkspaceFiguresTests(WebsiteFixture site)
{
    private const string Header = "indicator,reporter,partner,period,value\n";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_analyst_defines_an_indicator_uploads_a_file_with_a_bad_row_sees_its_line_fixes_it_previews_and_imports()
    {
        var code = $"test.web.{Guid.NewGuid():N}"[..24];
        var page = await Staff.SignedInAsync(site, ForumRoles.Analyst, "/workspace/figures");
        await page.GetByRole(AriaRole.Link, new() { Name = "Define an indicator" }).ClickAsync();
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Web test trade");
        await page.GetByLabel("Unit", new() { Exact = true }).FillAsync("USD");
        await page.GetByLabel("Scale").FillAsync("9");
        await page.GetByLabel("Source", new() { Exact = true }).FillAsync("Web test customs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Define the indicator" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The definition is saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Web test trade" })).ToBeVisibleAsync();

        // A first upload, imported as it is: the history names who imported it.
        await UploadAsync(page, Header + $"{code},CHN,KAZ,2022,10\n{code},CHN,KAZ,2023,11\n");
        await Assertions.Expect(Fact(page, "New values")).ToHaveTextAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/workspace/figures/imports?done=*");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("new values: 2, changed: 0");
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Development analyst");

        // A second with a bad row: the row's line, column and value, and nothing to import.
        await page.GotoAsync("/workspace/figures");
        await UploadAsync(page, Header + $"{code},CHN,KAZ,2023,11.5\n{code},CHN,KAZ,2024,\"12,5\"\n");
        var problem = page.Locator("table.import-problems tbody tr");
        await Assertions.Expect(problem).ToHaveCountAsync(1);
        await Assertions.Expect(problem.Locator("th")).ToHaveTextAsync("3");
        await Assertions.Expect(problem.Locator("td").Nth(1)).ToHaveTextAsync("value");
        await Assertions.Expect(problem.Locator("td").Nth(2)).ToHaveTextAsync("12,5");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true })).ToHaveCountAsync(0);
        var storage = await page.Context.StorageStateAsync();
        await PageChecks.AssertAccessibleAndFitsAsync(site, new Uri(page.Url).PathAndQuery, storage);

        // Fixed and uploaded again from the same page: the series as the import would leave it, before anything is stored.
        await UploadAsync(page, Header + $"{code},CHN,KAZ,2023,11.5\n{code},CHN,KAZ,2024,12.5\n", "Upload the corrected file");
        await Assertions.Expect(Fact(page, "New values")).ToHaveTextAsync("1");
        await Assertions.Expect(Fact(page, "Changed")).ToHaveTextAsync("1");
        var rows = page.Locator("section[aria-labelledby=preview-heading] tbody tr");
        await Assertions.Expect(rows).ToHaveTextAsync([
            new System.Text.RegularExpressions.Regex("^2022\\s*10\\s*10\\s*Not in the upload$"),
            new System.Text.RegularExpressions.Regex("^2023\\s*11\\s*11.5\\s*Changed$"),
            new System.Text.RegularExpressions.Regex("^2024\\s*—\\s*12.5\\s*New$"),
        ]);
        await Assertions.Expect(page.Locator(".preview-chart circle")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".preview-chart polyline.preview-chart__now")).ToHaveCountAsync(1);
        await PageChecks.AssertAccessibleAndFitsAsync(site, new Uri(page.Url).PathAndQuery, storage);
        Assert.Equal("11", await PublicValueAsync(code, "2023")); // nothing stored by the check

        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/workspace/figures/imports?done=*");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("new values: 1, changed: 1");
        await Eventually.TrueAsync(async () => await PublicValueAsync(code, "2023") == "11.5", Patience, "the imported value on the public page");
        Assert.Equal("12.5", await PublicValueAsync(code, "2024"));
    }

    [Fact]
    public async Task An_analyst_edits_a_definition_with_the_keyboard_alone_and_sees_refusals_at_their_fields()
    {
        var page = await Staff.SignedInAsync(site, ForumRoles.Analyst, "/workspace/figures/indicators/new");
        await page.GetByLabel("Code").FillAsync("Not A Code");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Overwritten?");
        await page.GetByLabel("Unit", new() { Exact = true }).FillAsync("USD");
        await page.GetByLabel("Source", new() { Exact = true }).FillAsync("Nobody");
        await page.GetByLabel("Source address").FillAsync("ftp://example.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Define the indicator" }).ClickAsync();
        await Assertions.Expect(page.Locator("#code-error")).ToContainTextAsync("lower-case words");
        await Assertions.Expect(page.Locator("#sourceUrl-error")).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.GetByLabel("Code")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("Code")).ToHaveValueAsync("Not A Code");

        // A taken code is refused at its field rather than overwriting that indicator.
        await page.GetByLabel("Code").FillAsync("trade.china-central-asia.usd");
        await page.GetByLabel("Source address").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Define the indicator" }).ClickAsync();
        await Assertions.Expect(page.Locator("#code-error")).ToContainTextAsync("That code is taken");

        var code = $"test.keys.{Guid.NewGuid():N}"[..24];
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Keyboard test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Define the indicator" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The definition is saved.");

        await page.GotoAsync($"/workspace/figures/indicators/{code}");
        await PageChecks.TabToAsync(page, page.GetByLabel("Name", new() { Exact = true }));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Keyboard test, renamed");
        await PageChecks.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Save" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The definition is saved.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Keyboard test, renamed" })).ToBeVisibleAsync();

        var storage = await page.Context.StorageStateAsync();
        foreach (var path in new[] { "/workspace/figures", "/workspace/figures/indicators/new", $"/workspace/figures/indicators/{code}", "/workspace/figures/imports" })
        {
            await PageChecks.AssertAccessibleAndFitsAsync(site, path, storage);
        }
    }

    [Fact]
    public async Task Uploads_are_for_analysts_and_a_file_over_25_MiB_is_turned_away_before_it_is_read()
    {
        var editor = await Staff.SignedInAsync(site, ForumRoles.Editor, "/workspace");
        await Assertions.Expect(editor.Locator("nav.workspace-nav").GetByRole(AriaRole.Link, new() { Name = "Articles" })).ToBeVisibleAsync();
        await Assertions.Expect(editor.Locator("nav.workspace-nav").GetByRole(AriaRole.Link, new() { Name = "Figures" })).ToHaveCountAsync(0);
        Assert.Equal(403, (await editor.GotoAsync("/workspace/figures"))!.Status);
        var refused = await editor.APIRequest.PostAsync("/workspace/figures/uploads", new()
        {
            Multipart = editor.APIRequest.CreateFormData().Append("file", new FilePayload { Name = "a.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Header) }),
            MaxRedirects = 0,
        });
        Assert.Equal((403, "Uploads are for analysts."), (refused.Status, (await refused.JsonAsync())?.GetProperty("title").GetString()));

        var analyst = await Staff.SignedInAsync(site, ForumRoles.Analyst, "/workspace/figures");
        var tooLarge = await analyst.APIRequest.PostAsync("/workspace/figures/uploads", new()
        {
            Multipart = analyst.APIRequest.CreateFormData().Append("file", new FilePayload
            {
                Name = "large.csv", MimeType = "text/csv", Buffer = new byte[26 * 1024 * 1024],
            }),
            MaxRedirects = 0,
        });
        Assert.Equal((302, "/workspace/figures?upload=too-large"), (tooLarge.Status, tooLarge.Headers["location"]));

        // Without the page's own anti-forgery token nothing is read, let alone stored.
        var forged = await analyst.APIRequest.PostAsync("/workspace/figures/uploads", new()
        {
            Multipart = analyst.APIRequest.CreateFormData()
                .Append("__RequestVerificationToken", "CfDJ8-a-token-of-another-page")
                .Append("file", new FilePayload { Name = "a.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Header) }),
            MaxRedirects = 0,
        });
        Assert.Equal((302, "/workspace/figures?upload=stale"), (forged.Status, forged.Headers["location"]));
        await analyst.GotoAsync(forged.Headers["location"]);
        await Assertions.Expect(analyst.GetByRole(AriaRole.Alert)).ToContainTextAsync("nothing was uploaded");
    }

    /// <summary>Chooses a file (what the browser's file dialog does) and sends it with the keyboard.</summary>
    private static async Task UploadAsync(IPage page, string csv, string label = "A CSV file of observations")
    {
        var file = page.GetByLabel(label);
        await PageChecks.TabToAsync(page, file);
        await file.SetInputFilesAsync(new FilePayload { Name = "observations.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await PageChecks.TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/workspace/figures/uploads/*");
    }

    private static ILocator Fact(IPage page, string name) =>
        page.Locator(".import-summary div").Filter(new() { Has = page.Locator("dt", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{name}$") }) }).Locator("dd");

    /// <summary>The value the public indicator page shows for a period of CHN with KAZ.</summary>
    private async Task<string?> PublicValueAsync(string code, string period)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync($"/figures/{code}?series=CHN-KAZ");
        var row = page.Locator("table.data-table tbody tr").Filter(new() { Has = page.Locator("th", new() { HasTextString = period }) });
        var value = await row.CountAsync() == 1 ? await row.Locator("td.number").TextContentAsync() : null;
        await page.Context.CloseAsync();
        return value?.Trim();
    }
}
