using ForumPlatform.ServiceDefaults;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>Staff signing in on the website with the identity service's development accounts (one per role).</summary>
internal static class Staff
{
    /// <summary>A new browser signed in as the development account of <paramref name="role"/>, on <paramref name="returnUrl"/>.</summary>
    public static async Task<IPage> SignedInAsync(WebsiteFixture site, string role, string returnUrl, int width = WebsiteFixture.DesktopWidth)
    {
        var page = await site.NewPageAsync(width: width);
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await SignInAtIdentityAsync(page, role);
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == returnUrl, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return page;
    }

    /// <summary>Fills in the identity service's sign-in page the browser is on.</summary>
    public static async Task SignInAtIdentityAsync(IPage page, string role)
    {
        await page.FillAsync("input[type=email]", DevelopmentAccounts.Email(role));
        await page.FillAsync("input[type=password]", DevelopmentAccounts.Password(role));
        await page.Locator("form button[type=submit]").First.ClickAsync();
    }
}
