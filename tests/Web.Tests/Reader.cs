using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>A reader with an account of their own: registered at the identity service through the gateway, then signed in on the website.</summary>
internal static class Reader
{
    public const string Password = "a reader's long password";

    /// <summary>A new reader's browser, signed in, on <paramref name="returnUrl"/>; their account has <paramref name="email"/> when given.</summary>
    public static async Task<IPage> SignedInAsync(WebsiteFixture site, string returnUrl, int width = WebsiteFixture.DesktopWidth, string? email = null)
    {
        var page = await site.NewPageAsync(width: width);
        await page.GotoAsync("/account/register");
        await page.FillAsync("input[name=Name]", "Aigerim Reader");
        await page.FillAsync("input[name=Email]", email ?? $"reader-{Guid.NewGuid():N}@example.org");
        await page.FillAsync("input[name='Form.Password']", Password);
        await page.FillAsync("input[name='Form.Confirmation']", Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        try
        {
            // The address is what tells; the page's load event once waited past the timeout behind it.
            await page.WaitForURLAsync("**/account", new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException)
        {
            // Refused: say what the page said.
            Assert.Fail($"Registering did not lead to /account but to {page.Url}: {await page.Locator("body").InnerTextAsync()}");
        }


        // Signed in at the identity service already: the website's sign-in comes straight back.
        await page.GotoAsync($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.WaitForURLAsync(url => new Uri(url).PathAndQuery == returnUrl, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return page;
    }
}
