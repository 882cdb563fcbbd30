using System.Net;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>
/// Attacks on sign-in as a browser sends them, through the gateway: none is a 500, none gets through. Each test comes
/// from an address of its own (X-Forwarded-For, believed from loopback), so the sign-in limits are its own.
/// </summary>
[Collection(ForumPlatformCollection.Name)]
public sealed class IdentityAttacksThroughGatewayTests(ForumPlatformFixture platform)
{
    private HttpClient Browser()
    {
        using var gateway = platform.Gateway();
        var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = gateway.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        browser.DefaultRequestHeaders.Add("X-Forwarded-For", $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}");
        return browser;
    }

    private static CodeFlow Flow(HttpClient browser, Uri? redirectUri = null) =>
        new(browser, new CodeFlowClient("forum-web", DevelopmentAccounts.WebClientSecret, redirectUri ?? new Uri(browser.BaseAddress!, "signin-oidc")));

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("role=\"alert\">", StringComparison.Ordinal) + "role=\"alert\">".Length;
        return start < "role=\"alert\">".Length ? "" : html[start..html.IndexOf('<', start)];
    }

    [Fact]
    public async Task An_authorization_request_for_another_host_is_refused_without_a_redirect()
    {
        using var browser = Browser();
        var flow = Flow(browser, new Uri("https://attacker.example/signin-oidc"));

        using var response = await browser.GetAsync(flow.AuthorizeUrl());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_sign_in_form_without_its_antiforgery_token_is_refused()
    {
        using var browser = Browser();

        using var response = await Flow(browser).PostSignInAsync("/account/signin",
            DevelopmentAccounts.Email(ForumRoles.Admin), DevelopmentAccounts.Password(ForumRoles.Admin), withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_lock_an_account_and_read_as_an_unknown_account_and_a_storm_gets_429()
    {
        using var browser = Browser();
        var flow = Flow(browser);
        var email = $"attacked-{Guid.NewGuid():N}@example.org";
        var html = await browser.GetStringAsync("/account/register");
        using (var registered = await browser.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = "Attacked Reader",
            ["Email"] = email,
            ["Form.Password"] = "the right long password",
            ["Form.Confirmation"] = "the right long password",
            ["__RequestVerificationToken"] = CodeFlow.AntiforgeryToken(html),
        })))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        using var attacker = Browser();
        var attack = Flow(attacker);
        using var unknown = await attack.PostSignInAsync("/account/signin", $"nobody-{Guid.NewGuid():N}@example.org", "a guess at all");
        var unknownError = await ErrorOfAsync(unknown);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await attack.PostSignInAsync("/account/signin", email, $"guess number {attempt}");
            Assert.Equal(unknownError, await ErrorOfAsync(wrong));
            statuses.Add(wrong.StatusCode);
        }

        using var right = await attack.PostSignInAsync("/account/signin", email, "the right long password");
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(unknownError, await ErrorOfAsync(right));

        // The same address keeps trying other accounts: past 30 attempts in 5 minutes it is told to wait.
        HttpResponseMessage? limited = null;
        for (var attempt = 0; attempt < 40 && limited is null; attempt++)
        {
            var response = await attack.PostSignInAsync("/account/signin", $"storm-{attempt}-{Guid.NewGuid():N}@example.org", "guess");
            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter is not null || limited.Headers.Contains("Retry-After"));
        limited.Dispose();
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
