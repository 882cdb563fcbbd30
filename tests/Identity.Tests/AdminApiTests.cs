using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Identity.Data;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ForumPlatform.Identity.Tests;

/// <summary>The admin API: people, roles, locks, reset links, machine clients and the audit log.</summary>
[Collection(IdentityCollection.Name)]
public sealed class AdminApiTests(IdentityFixture identity)
{
    private async Task<ForumUser> NewPersonAsync(string password = "a long enough password")
    {
        var email = $"person-{Guid.NewGuid():N}@example.org";
        var user = new ForumUser { UserName = email, Email = email, DisplayName = "Person", CreatedAt = DateTimeOffset.UtcNow };
        var result = await identity.WithServiceAsync<UserManager<ForumUser>, IdentityResult>(users => users.CreateAsync(user, password));
        Assert.True(result.Succeeded);
        return user;
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()!;

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(ForumRoles.Editor, HttpStatusCode.Forbidden)]
    [InlineData(ForumRoles.Admin, HttpStatusCode.OK)]
    public async Task Only_admins_with_a_token_use_the_api(string? role, HttpStatusCode expected)
    {
        using var client = await identity.ApiClientAsync(role);

        foreach (var path in new[] { "/api/identity/people", "/api/identity/clients", "/api/identity/audit" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(expected, response.StatusCode);
            if (expected != HttpStatusCode.OK)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task A_signed_in_person_without_a_token_cannot_use_the_api_with_their_cookie()
    {
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);
        using var signedIn = await flow.PostSignInAsync("/account/signin", DevelopmentAccounts.Email(ForumRoles.Admin), DevelopmentAccounts.Password(ForumRoles.Admin));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using var response = await browser.GetAsync("/api/identity/people");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_granted_role_is_in_the_next_token_and_removing_it_revokes_the_refresh_tokens()
    {
        const string password = "a long enough password";
        var person = await NewPersonAsync(password);
        using var admin = await identity.ApiClientAsync(ForumRoles.Admin);
        using var granted = await admin.PutAsync($"/api/identity/people/{person.Id}/roles/{ForumRoles.Editor}", null);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal([ForumRoles.Editor], (await granted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);
        var tokens = await flow.TokensAsync(person.Email!, password);
        Assert.Equal([ForumRoles.Editor], new JsonWebToken(tokens.GetProperty("access_token").GetString()).Claims.Where(c => c.Type == "role").Select(c => c.Value));

        using var removed = await admin.DeleteAsync($"/api/identity/people/{person.Id}/roles/{ForumRoles.Editor}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        using var refresh = await flow.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Equal("invalid_grant", await ErrorOfAsync(refresh));

        using var audit = await admin.GetAsync($"/api/identity/audit?subject={person.Id}");
        var kinds = (await audit.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(entry => entry.GetProperty("kind").GetString()).ToList();
        Assert.Contains(AuditKinds.RoleGranted, kinds);
        Assert.Contains(AuditKinds.RoleRemoved, kinds);
        Assert.Contains(AuditKinds.SignIn, kinds);
    }

    [Fact]
    public async Task A_locked_person_loses_their_refresh_tokens_and_cannot_sign_in_until_unlocked()
    {
        const string password = "a long enough password";
        var person = await NewPersonAsync(password);
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);
        var refresh = (await flow.TokensAsync(person.Email!, password)).GetProperty("refresh_token").GetString()!;
        using var admin = await identity.ApiClientAsync(ForumRoles.Admin);

        using var locked = await admin.PostAsync($"/api/identity/people/{person.Id}/lock", null);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.True((await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("locked").GetBoolean());
        using var refused = await flow.RefreshAsync(refresh);
        Assert.Equal("invalid_grant", await ErrorOfAsync(refused));
        using var other = identity.Browser();
        using var signIn = await IdentityFixture.Flow(other).PostSignInAsync("/account/signin", person.Email!, password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the page again, with the refusal

        using var unlocked = await admin.PostAsync($"/api/identity/people/{person.Id}/unlock", null);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        using var again = await IdentityFixture.Flow(other).PostSignInAsync("/account/signin", person.Email!, password);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once()
    {
        var person = await NewPersonAsync();
        using var admin = await identity.ApiClientAsync(ForumRoles.Admin);
        using var created = await admin.PostAsync($"/api/identity/people/{person.Id}/reset-link", null);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var link = new Uri((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("link").GetString()!);
        Assert.StartsWith(identity.Address.ToString(), link.ToString(), StringComparison.Ordinal);

        using var browser = identity.Browser();
        async Task<string> SetAsync(string password)
        {
            var page = await browser.GetStringAsync(link.PathAndQuery);
            using var posted = await browser.PostAsync(link.PathAndQuery, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Form.Password"] = password,
                ["Form.Confirmation"] = password,
                ["__RequestVerificationToken"] = IdentityFixture.AntiforgeryToken(page),
            }));
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            return await posted.Content.ReadAsStringAsync();
        }

        Assert.Contains("role=\"status\"", await SetAsync("a brand new password"), StringComparison.Ordinal);
        Assert.Contains("This link does not work", await SetAsync("yet another password"), StringComparison.Ordinal);

        using var signIn = await IdentityFixture.Flow(identity.Browser()).PostSignInAsync("/account/signin", person.Email!, "a brand new password");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    [Fact]
    public async Task A_machine_client_is_created_with_a_secret_shown_once_and_revoked()
    {
        using var admin = await identity.ApiClientAsync(ForumRoles.Admin);
        var clientId = $"importer-{Guid.NewGuid():N}"[..30];

        using var created = await admin.PostAsJsonAsync("/api/identity/clients", new { clientId, displayName = "Nightly importer", roles = new[] { ForumRoles.Analyst } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;
        var token = new JsonWebToken(await identity.ClientCredentialsTokenAsync(clientId, secret));
        Assert.Equal([ForumRoles.Analyst], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));

        var listed = await admin.GetStringAsync("/api/identity/clients");
        Assert.Contains(clientId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
        using var twice = await admin.PostAsJsonAsync("/api/identity/clients", new { clientId, displayName = "Again", roles = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        using var revoked = await admin.DeleteAsync($"/api/identity/clients/{clientId}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => identity.ClientCredentialsTokenAsync(clientId, secret));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [InlineData("""{"clientId":"x","displayName":"Short id","roles":[]}""", "clientId")]
    [InlineData("""{"clientId":"has space","displayName":"Bad id","roles":[]}""", "clientId")]
    [InlineData("""{"clientId":"good-id","displayName":"","roles":[]}""", "displayName")]
    [InlineData("""{"clientId":"good-id","displayName":"Bad role","roles":["owner"]}""", "roles")]
    [InlineData("""{"clientId":"good-id","displayName":"Null role","roles":[null]}""", "roles")]
    public async Task A_bad_client_request_is_a_400_naming_the_field(string body, string field)
    {
        using var admin = await identity.ApiClientAsync(ForumRoles.Admin);

        using var response = await admin.PostAsync("/api/identity/clients", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_unknown_role_or_person_is_refused_clearly()
    {
        var person = await NewPersonAsync();
        using var admin = await identity.ApiClientAsync(ForumRoles.Admin);

        using var badRole = await admin.PutAsync($"/api/identity/people/{person.Id}/roles/owner", null);
        using var nobody = await admin.PostAsync($"/api/identity/people/{Guid.NewGuid()}/lock", null);

        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.True((await badRole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("role", out _));
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        Assert.Equal("application/problem+json", nobody.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_last_admin_who_can_sign_in_cannot_be_locked_or_lose_the_role()
    {
        using var admin = await identity.ApiClientAsync(ForumRoles.Admin);
        var onlyAdmin = (await identity.WithServiceAsync<UserManager<ForumUser>, ForumUser?>(users => users.FindByEmailAsync(DevelopmentAccounts.Email(ForumRoles.Admin))))!;

        using var removed = await admin.DeleteAsync($"/api/identity/people/{onlyAdmin.Id}/roles/{ForumRoles.Admin}");
        using var locked = await admin.PostAsync($"/api/identity/people/{onlyAdmin.Id}/lock", null);

        Assert.Equal(HttpStatusCode.Conflict, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);
        Assert.Contains("last admin", await removed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await identity.WithServiceAsync<UserManager<ForumUser>, bool>(users => users.IsInRoleAsync(onlyAdmin, ForumRoles.Admin)));

        // With a second admin, either may lose the role.
        var second = await NewPersonAsync();
        using var granted = await admin.PutAsync($"/api/identity/people/{second.Id}/roles/{ForumRoles.Admin}", null);
        using var removedAgain = await admin.DeleteAsync($"/api/identity/people/{second.Id}/roles/{ForumRoles.Admin}");
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, removedAgain.StatusCode);
    }
}
