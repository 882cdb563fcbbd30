using ForumPlatform.Testing;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>
/// The whole system as the app host starts it, and Chromium (the distribution's, at <c>FORUM_CHROMIUM</c> or
/// /usr/bin/chromium) driven by Playwright, for the website's browser tests. Tests make their own data where they
/// change anything and read the Development demo content (the Tianshan Forum 2025) otherwise.
/// </summary>
public sealed class WebsiteFixture : IAsyncLifetime
{
    /// <summary>A phone's width (CSS pixels), the narrowest every page must work at.</summary>
    public const int PhoneWidth = 375;
    public const int DesktopWidth = 1280;

    private RunningForumPlatform? system;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public RunningForumPlatform System => system ?? throw new InvalidOperationException("Not started.");

    /// <summary>The gateway's public address: where visitors open the site.</summary>
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        system = await RunningForumPlatform.StartAsync();
        using var gateway = system.Gateway();
        Address = gateway.BaseAddress!;
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("FORUM_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
        });
    }

    /// <summary>A fresh browser context (its own cookies) with one page at the site, as a visitor's browser.</summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true, int width = DesktopWidth, string? storageState = null)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            // Another context's cookies (StorageStateAsync): the same signed-in reader at another width.
            StorageState = storageState,
            // Each browser a visitor of its own, as the gateway counts them (it believes X-Forwarded-For from loopback):
            // the suite's hundreds of page loads would otherwise all fall in one visitor's rate-limit window.
            ExtraHTTPHeaders = new Dictionary<string, string> { ["X-Forwarded-For"] = VisitorAddresses.New() },
            BaseURL = Address.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (system is not null)
        {
            await system.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebsiteCollection : ICollectionFixture<WebsiteFixture>
{
    public const string Name = "Website";
}
