using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>What every page kind must pass, at a phone's width and a desktop's: axe-core and no sideways scrolling.</summary>
internal static class PageChecks
{
    /// <param name="storageState">The cookies of a signed-in reader's browser, for their own pages.</param>
    public static async Task AssertAccessibleAndFitsAsync(WebsiteFixture site, string path, string? storageState = null)
    {
        foreach (var width in new[] { WebsiteFixture.PhoneWidth, WebsiteFixture.DesktopWidth })
        {
            var page = await site.NewPageAsync(width: width, storageState: storageState);
            await page.GotoAsync(path);

            var axe = await page.RunAxe();

            var serious = axe.Violations.Where(violation => violation.Impact is "serious" or "critical")
                .Select(violation => $"{violation.Id}: {violation.Help} ({string.Join(", ", violation.Nodes.Select(node => node.Html))})");
            Assert.True(!serious.Any(), $"{path} at {width} px: {string.Join("; ", serious)}");
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"{path} scrolls sideways at {width} px");
            await ScreenshotAsync(page, path, width, storageState is not null);
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, as someone using only a keyboard would; fails when it never does.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, int atMost = 60)
    {
        for (var presses = 0; presses < atMost; presses++)
        {
            if (await target.EvaluateAsync<bool>("element => element === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{atMost} presses of Tab never reached {target}.");
    }

    /// <summary>A screenshot for people to look at (bin/…/screenshots), one per page kind and width.</summary>
    private static async Task ScreenshotAsync(IPage page, string path, int width, bool signedIn)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        // An id in the address names the kind of page, not the one page: /workspace/articles/{id}/revisions.
        var kindOfPath = System.Text.RegularExpressions.Regex.Replace(path, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "id");
        var name = new string(kindOfPath.Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()) is { Length: > 0 } kind ? kind : "home";
        name = signedIn ? $"signed-in-{name}" : name;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name[..Math.Min(name.Length, 60)]}-{width}.png"), FullPage = true });
    }
}

/// <summary>axe-core and the phone width on every page kind with a fixed address; pages of one article, session or speaker are checked in their own tests.</summary>
[Collection(WebsiteCollection.Name)]
public sealed class AccessibilityTests(WebsiteFixture site)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/news")]
    [InlineData("/news/search?q=forum")]
    [InlineData("/agenda")]
    [InlineData("/agenda/changes")]
    [InlineData("/figures")]
    [InlineData("/figures/sample.trade.china-bilateral.usd")]
    [InlineData("/subscribe")]
    [InlineData("/no/such/page")]
    public Task Pages_have_no_serious_accessibility_violations_and_fit_a_phone_and_a_desktop(string path) =>
        PageChecks.AssertAccessibleAndFitsAsync(site, path);
}
