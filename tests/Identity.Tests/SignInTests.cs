using System.Net;
using ForumPlatform.Identity.Data;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Identity.Tests;

/// <summary>The sign-in page: its answers never tell whether an account exists; lockout, limits, anti-forgery, languages.</summary>
[Collection(IdentityCollection.Name)]
public sealed class SignInTests(IdentityFixture identity)
{
    private const string SignInPage = "/account/signin";

    /// <summary>A reader account of its own, so lockouts stay within the test.</summary>
    private async Task<(string Email, string Password)> NewAccountAsync()
    {
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        const string password = "correct horse battery staple";
        var result = await identity.WithServiceAsync<UserManager<ForumUser>, IdentityResult>(users =>
            users.CreateAsync(new ForumUser { UserName = email, Email = email, DisplayName = "Reader", CreatedAt = DateTimeOffset.UtcNow }, password));
        Assert.True(result.Succeeded);
        return (email, password);
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("role=\"alert\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No error on the page ({(int)response.StatusCode}).");
        start += "role=\"alert\">".Length;
        return html[start..html.IndexOf('<', start)];
    }

    private async Task<List<AuditEntry>> AuditOfAsync(string? subject) =>
        await identity.WithServiceAsync<IdentityDb, List<AuditEntry>>(db =>
            db.AuditEntries.Where(entry => entry.Subject == subject).OrderBy(entry => entry.Id).ToListAsync());

    [Fact]
    public async Task A_right_password_signs_in_and_is_audited()
    {
        var (email, password) = await NewAccountAsync();
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);

        using var response = await flow.PostSignInAsync(SignInPage, email, password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.Headers.Location!.OriginalString);
        var account = await browser.GetStringAsync("/account");
        Assert.Contains(email, account, StringComparison.Ordinal);
        var userId = (await identity.WithServiceAsync<UserManager<ForumUser>, ForumUser?>(users => users.FindByEmailAsync(email)))!.Id;
        Assert.Contains(await AuditOfAsync(userId), entry => entry.Kind == AuditKinds.SignIn && entry.Address is not null);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_and_the_answers_read_as_for_an_unknown_account()
    {
        var (email, password) = await NewAccountAsync();
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);
        using var unknown = await flow.PostSignInAsync(SignInPage, $"nobody-{Guid.NewGuid():N}@example.org", "some password at all");
        var unknownError = await ErrorOfAsync(unknown);

        var answers = new List<(HttpStatusCode, string)>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await flow.PostSignInAsync(SignInPage, email, "not the password");
            answers.Add((wrong.StatusCode, await ErrorOfAsync(wrong)));
        }

        // Locked now: the right password is refused too, with the same words.
        using var locked = await flow.PostSignInAsync(SignInPage, email, password);
        answers.Add((locked.StatusCode, await ErrorOfAsync(locked)));

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.All(answers, answer => Assert.Equal((HttpStatusCode.OK, unknownError), answer));
        var user = (await identity.WithServiceAsync<UserManager<ForumUser>, ForumUser?>(users => users.FindByEmailAsync(email)))!;
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
        var audit = await AuditOfAsync(user.Id);
        Assert.Equal(4, audit.Count(entry => entry.Kind == AuditKinds.SignInFailed));
        Assert.Equal(2, audit.Count(entry => entry.Kind == AuditKinds.LockedOut));
        Assert.DoesNotContain(audit, entry => entry.Kind == AuditKinds.SignIn);
    }

    [Fact]
    public async Task A_sign_in_storm_from_one_address_is_answered_429_with_retry_after()
    {
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= IdentityFixture.SignInsPerAddress; attempt++)
        {
            // Another account name each time: only the address limit can stop it.
            using var response = await flow.PostSignInAsync(SignInPage, $"storm-{attempt}-{Guid.NewGuid():N}@example.org", "guess");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
            }
        }

        Assert.All(statuses.Take(IdentityFixture.SignInsPerAddress), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Attempts_at_one_account_from_many_addresses_are_limited_per_account()
    {
        var (email, _) = await NewAccountAsync();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= IdentityFixture.SignInsPerAccount; attempt++)
        {
            using var browser = identity.Browser(VisitorAddresses.New());
            using var response = await IdentityFixture.Flow(browser).PostSignInAsync(SignInPage, email.ToUpperInvariant(), "guess");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(IdentityFixture.SignInsPerAccount));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_signs_nobody_in()
    {
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);

        using var response = await flow.PostSignInAsync(SignInPage, DevelopmentAccounts.Email(ForumRoles.Admin), DevelopmentAccounts.Password(ForumRoles.Admin), withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var account = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
    }

    [Theory]
    [InlineData("en", "Sign in", "Password")]
    [InlineData("zh", "登录", "密码")]
    [InlineData("ru", "Войти", "Пароль")]
    public async Task The_page_speaks_english_chinese_and_russian_under_a_strict_content_security_policy(string culture, string title, string password)
    {
        using var browser = identity.Browser();

        using var response = await browser.GetAsync($"{SignInPage}?culture={culture}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{culture}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(password, html, StringComparison.Ordinal);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_language_keeps_the_sign_in_s_return_address_and_stays_chosen()
    {
        using var browser = identity.Browser();
        const string page = SignInPage + "?ReturnUrl=%2Fconnect%2Fauthorize%3Fclient_id%3Dforum-web";

        var english = await browser.GetStringAsync(page);
        var link = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(english, "href=\"([^\"]+)\" lang=\"ru\"").Groups[1].Value);
        var russian = await browser.GetStringAsync(link);
        var next = await browser.GetStringAsync(SignInPage);

        Assert.Contains("ReturnUrl=%2Fconnect%2Fauthorize%3Fclient_id%3Dforum-web", link, StringComparison.Ordinal);
        Assert.Contains("value=\"/connect/authorize?client_id=forum-web\"", russian, StringComparison.Ordinal);
        Assert.Contains("<h1>Войти</h1>", russian, StringComparison.Ordinal);
        Assert.Contains("<h1>Войти</h1>", next, StringComparison.Ordinal);
    }
}
