using System.Net;
using ForumPlatform.Contracts;
using ForumPlatform.Identity.Data;
using ForumPlatform.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Identity.Tests;

/// <summary>What a reader does with their own account: register, change the password, delete it.</summary>
[Collection(IdentityCollection.Name)]
public sealed class AccountPagesTests(IdentityFixture identity)
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, Dictionary<string, string> fields)
    {
        var html = await browser.GetStringAsync(page);
        fields["__RequestVerificationToken"] = IdentityFixture.AntiforgeryToken(html);
        return await browser.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient browser, string email, string password) =>
        PostFormAsync(browser, "/account/register", new()
        {
            ["Name"] = "Aigerim Reader",
            ["Email"] = email,
            ["Form.Password"] = password,
            ["Form.Confirmation"] = password,
        });

    private Task<ForumUser?> FindAsync(string email) =>
        identity.WithServiceAsync<UserManager<ForumUser>, ForumUser?>(users => users.FindByEmailAsync(email));

    [Fact]
    public async Task A_reader_registers_with_no_role_and_is_signed_in()
    {
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        using var browser = identity.Browser();

        using var response = await RegisterAsync(browser, email, "a long enough password");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var user = await FindAsync(email);
        Assert.NotNull(user);
        Assert.Equal("Aigerim Reader", user.DisplayName);
        Assert.Empty(await identity.WithServiceAsync<UserManager<ForumUser>, IList<string>>(users => users.GetRolesAsync(user)));
        Assert.Contains(email, await browser.GetStringAsync("/account"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_email_or_a_weak_password_creates_nothing_and_says_why_without_telling_who_exists()
    {
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        using (var first = await RegisterAsync(identity.Browser(), email, "a long enough password"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var taken = await RegisterAsync(identity.Browser(), email, "another long password");
        using var weak = await RegisterAsync(identity.Browser(), $"weak-{Guid.NewGuid():N}@example.org", "aaaaaaaaaaaa");
        using var short_ = await RegisterAsync(identity.Browser(), $"short-{Guid.NewGuid():N}@example.org", "short");

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("This account cannot be created", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("different characters", await weak.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("At least 12 characters.", await short_.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await identity.WithServiceAsync<IdentityDb, int>(db => db.Users.CountAsync(user => user.NormalizedEmail == email.ToUpperInvariant())));
    }

    [Fact]
    public async Task A_person_changes_their_password_and_signs_in_with_the_new_one_only()
    {
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        using var browser = identity.Browser();
        using (var registered = await RegisterAsync(browser, email, "the first long password"))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        using var wrong = await PostFormAsync(browser, "/account/change-password", new()
        {
            ["Current"] = "not my password at all",
            ["Form.Password"] = "the second long password",
            ["Form.Confirmation"] = "the second long password",
        });
        Assert.Contains("The current password is not right.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var changed = await PostFormAsync(browser, "/account/change-password", new()
        {
            ["Current"] = "the first long password",
            ["Form.Password"] = "the second long password",
            ["Form.Confirmation"] = "the second long password",
        });
        Assert.Contains("role=\"status\"", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var old = await IdentityFixture.Flow(identity.Browser()).PostSignInAsync("/account/signin", email, "the first long password");
        using var @new = await IdentityFixture.Flow(identity.Browser()).PostSignInAsync("/account/signin", email, "the second long password");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, @new.StatusCode);
    }

    [Fact]
    public async Task A_person_deletes_their_account_after_typing_the_password()
    {
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        using var browser = identity.Browser();
        using (var registered = await RegisterAsync(browser, email, "a long enough password"))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        using var wrong = await PostFormAsync(browser, "/account/delete", new() { ["Password"] = "not the password" });
        var person = await FindAsync(email);
        Assert.NotNull(person);
        Assert.False(await AnnouncedAsync(person.Id), "announced a deletion that did not happen");

        using var deleted = await PostFormAsync(browser, "/account/delete", new() { ["Password"] = "a long enough password" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(await FindAsync(email));
        using var account = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);

        // Announced to the other services: committed with the deletion, then published to the broker by the relay.
        Assert.True(await AnnouncedAsync(person.Id));
        await Eventually.TrueAsync(() => identity.WithServiceAsync<IdentityEvents, bool>(db => db.OutboxMessages.AnyAsync(
                message => message.MessageType == typeof(AccountDeleted).FullName && message.Body.Contains(person.Id) && message.PublishedAt != null)),
            TimeSpan.FromSeconds(30), "the account-deleted event to be published");
    }

    private Task<bool> AnnouncedAsync(string subject) => identity.WithServiceAsync<IdentityEvents, bool>(db => db.OutboxMessages.AnyAsync(
        message => message.MessageType == typeof(AccountDeleted).FullName && message.Body.Contains(subject)));

    [Fact]
    public async Task Guessing_the_password_on_the_delete_page_is_limited_like_a_sign_in_and_deletes_nothing()
    {
        var email = $"reader-{Guid.NewGuid():N}@example.org";
        using var browser = identity.Browser();
        using (var registered = await RegisterAsync(browser, email, "a long enough password"))
        {
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        }

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < IdentityFixture.SignInsPerAccount + 1; attempt++)
        {
            using var guess = await PostFormAsync(browser, "/account/delete", new() { ["Password"] = $"guess {attempt}" });
            statuses.Add(guess.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.Redirect, statuses);
        var user = await FindAsync(email);
        Assert.NotNull(user);
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow, "wrong passwords typed there count towards lockout");
    }
}
