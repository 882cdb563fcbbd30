using ForumPlatform.ServiceDefaults;
using Microsoft.Playwright;

namespace ForumPlatform.Web.Tests;

/// <summary>Signing in on the website with the identity service (authorization code with PKCE), through the gateway, in Chromium.</summary>
[Collection(WebsiteCollection.Name)]
public sealed class SignInTests(WebsiteFixture site)
{
    [Fact]
    public async Task A_person_signs_in_with_the_identity_service_comes_back_to_the_page_and_the_browser_holds_no_token()
    {
        var page = await site.NewPageAsync(javaScript: false);
        await page.GotoAsync("/agenda?day=2025-12-03");

        await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        Assert.Contains("/account/", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal); // the identity service's page
        await page.FillAsync("input[type=email]", DevelopmentAccounts.Email(ForumRoles.Editor));
        await page.FillAsync("input[type=password]", DevelopmentAccounts.Password(ForumRoles.Editor));
        await page.Locator("main button[type=submit], form button[type=submit]").First.ClickAsync();

        Assert.EndsWith("/agenda?day=2025-12-03", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("Signed in as ", await page.Locator(".account__name").InnerTextAsync(), StringComparison.Ordinal);
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, cookie => cookie.Name == "forum.session");
        Assert.True(session.HttpOnly);
        Assert.DoesNotContain(cookies, cookie => cookie.Value.Contains("eyJ", StringComparison.Ordinal)); // no JWT anywhere
        Assert.True(session.Value.Length < 1000, $"the session cookie holds {session.Value.Length} characters: more than a key");

        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.Equal(1, await page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Sign in" }).CountAsync());
        Assert.DoesNotContain(await page.Context.CookiesAsync(), cookie => cookie.Name == "forum.session");
    }

    [Fact]
    public async Task Sign_in_goes_back_only_to_this_sites_own_pages()
    {
        var page = await site.NewPageAsync(javaScript: false);

        await page.GotoAsync("/signin?returnUrl=//evil.example/");
        await page.FillAsync("input[type=email]", DevelopmentAccounts.Email(ForumRoles.Analyst));
        await page.FillAsync("input[type=password]", DevelopmentAccounts.Password(ForumRoles.Analyst));
        await page.Locator("main button[type=submit], form button[type=submit]").First.ClickAsync();

        Assert.Equal(site.Address.ToString(), page.Url);
    }
}
