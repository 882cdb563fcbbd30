using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ForumPlatform.Identity.Tests;

/// <summary>The OpenID Connect endpoints: discovery, keys, the three flows, rotation and revocation, end of session.</summary>
[Collection(IdentityCollection.Name)]
public sealed class ConnectTests(IdentityFixture identity)
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body;
    }

    private async Task<HttpResponseMessage> ClientCredentialsAsync(string clientId, string secret)
    {
        using var client = new HttpClient { BaseAddress = identity.Address };
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
    }

    [Fact]
    public async Task Discovery_names_the_issuer_and_the_endpoints_and_the_key_set_holds_a_public_signing_key_only()
    {
        using var client = identity.Browser();
        var metadata = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");

        Assert.Equal(identity.Address.ToString(), metadata.GetProperty("issuer").GetString());
        Assert.Equal(new Uri(identity.Address, "connect/token").ToString(), metadata.GetProperty("token_endpoint").GetString());
        Assert.Equal(new Uri(identity.Address, "connect/revoke").ToString(), metadata.GetProperty("revocation_endpoint").GetString());
        Assert.Equal(new Uri(identity.Address, "connect/endsession").ToString(), metadata.GetProperty("end_session_endpoint").GetString());
        Assert.Contains("S256", metadata.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("client_credentials", metadata.GetProperty("grant_types_supported").EnumerateArray().Select(m => m.GetString()));

        var keys = new JsonWebKeySet(await client.GetStringAsync(metadata.GetProperty("jwks_uri").GetString()));
        var key = Assert.Single(keys.Keys);
        Assert.Equal("RSA", key.Kty);
        Assert.Equal("sig", key.Use);
        Assert.False(key.HasPrivateKey);
        Assert.Null(key.D);
    }

    [Fact]
    public async Task A_machine_client_gets_a_signed_unencrypted_jwt_for_the_api_with_its_roles_for_fifteen_minutes()
    {
        using var response = await ClientCredentialsAsync(DevelopmentAccounts.ClientId(ForumRoles.Analyst), DevelopmentAccounts.ClientSecret(ForumRoles.Analyst));
        var body = await JsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(body.GetProperty("expires_in").GetInt32(), 890, 900);
        Assert.False(body.TryGetProperty("refresh_token", out _));

        var token = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.False(token.IsEncrypted);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal(identity.Address.ToString(), token.Issuer);
        Assert.Equal(["forum-platform-api"], token.Audiences);
        Assert.Equal(DevelopmentAccounts.ClientId(ForumRoles.Analyst), token.Subject);
        Assert.Equal("Development analyst tool", token.GetClaim("name").Value);
        Assert.Equal([ForumRoles.Analyst], token.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.Equal(TimeSpan.FromMinutes(15), token.ValidTo - token.IssuedAt);

        // The key that signed it is the one published.
        using var client = identity.Browser();
        var keys = new JsonWebKeySet(await client.GetStringAsync("/.well-known/jwks"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token.EncodedToken, new TokenValidationParameters
        {
            ValidIssuer = identity.Address.ToString(),
            ValidAudience = "forum-platform-api",
            IssuerSigningKeys = keys.GetSigningKeys(),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Fact]
    public async Task A_wrong_client_secret_or_an_unknown_client_gets_no_token()
    {
        using var wrongSecret = await ClientCredentialsAsync(DevelopmentAccounts.ClientId(ForumRoles.Admin), "not-the-secret");
        using var unknown = await ClientCredentialsAsync("no-such-client", "whatever");

        foreach (var response in new[] { wrongSecret, unknown })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("invalid_client", (await JsonAsync(response)).GetProperty("error").GetString());
        }
    }

    [Fact]
    public async Task A_person_signs_in_with_code_and_pkce_and_the_tokens_carry_their_name_and_roles()
    {
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);
        var tokens = await flow.TokensAsync(DevelopmentAccounts.Email(ForumRoles.Organizer), DevelopmentAccounts.Password(ForumRoles.Organizer));

        var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.Equal(["forum-platform-api"], access.Audiences);
        Assert.Equal("Development organizer", access.GetClaim("name").Value);
        Assert.Equal([ForumRoles.Organizer], access.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        var id = new JsonWebToken(tokens.GetProperty("id_token").GetString());
        Assert.Equal(access.Subject, id.Subject);
        Assert.Equal(IdentityFixture.WebClientId, Assert.Single(id.Audiences));
        Assert.False(string.IsNullOrEmpty(tokens.GetProperty("refresh_token").GetString()));
    }

    [Fact]
    public async Task A_code_is_refused_without_its_verifier_and_a_request_without_pkce_gets_no_code()
    {
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);
        var code = await flow.SignInForCodeAsync(DevelopmentAccounts.Email(ForumRoles.Editor), DevelopmentAccounts.Password(ForumRoles.Editor));
        using var wrongVerifier = await flow.RedeemAsync(code, verifier: IdentityFixture.Flow(browser).Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);
        Assert.Equal("invalid_grant", (await JsonAsync(wrongVerifier)).GetProperty("error").GetString());

        // Signed in already: without PKCE there is no code, nor any redirect.
        using var withoutPkce = await browser.GetAsync(flow.AuthorizeUrl(pkce: false));
        Assert.Equal(HttpStatusCode.BadRequest, withoutPkce.StatusCode);
        Assert.Null(withoutPkce.Headers.Location);
        Assert.Contains("'code_challenge' parameter is missing", await withoutPkce.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://attacker.example/signin-oidc")]
    [InlineData("http://127.0.0.1:9/signin-oidc/../steal")]
    [InlineData("http://127.0.0.1:10/signin-oidc")]
    public async Task An_authorization_request_for_another_redirect_uri_is_refused_without_a_redirect(string redirectUri)
    {
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);
        await flow.SignInForCodeAsync(DevelopmentAccounts.Email(ForumRoles.Editor), DevelopmentAccounts.Password(ForumRoles.Editor));

        using var response = await browser.GetAsync(flow.AuthorizeUrl(redirectUri: new Uri(redirectUri)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("invalid_request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refresh_token_rotates_and_one_used_again_revokes_its_whole_family()
    {
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);
        var first = (await flow.TokensAsync(DevelopmentAccounts.Email(ForumRoles.Editor), DevelopmentAccounts.Password(ForumRoles.Editor)))
            .GetProperty("refresh_token").GetString()!;

        using var rotated = await flow.RefreshAsync(first);
        var second = (await JsonAsync(rotated)).GetProperty("refresh_token").GetString()!;
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        Assert.NotEqual(first, second);

        // The first one again, past the leeway (none here): taken as stolen, so the one it was exchanged for dies too.
        using var reused = await flow.RefreshAsync(first);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Equal("invalid_grant", (await JsonAsync(reused)).GetProperty("error").GetString());
        using var family = await flow.RefreshAsync(second);
        Assert.Equal(HttpStatusCode.BadRequest, family.StatusCode);
        Assert.Equal("invalid_grant", (await JsonAsync(family)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_refused()
    {
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);
        var refresh = (await flow.TokensAsync(DevelopmentAccounts.Email(ForumRoles.Analyst), DevelopmentAccounts.Password(ForumRoles.Analyst)))
            .GetProperty("refresh_token").GetString()!;

        using var server = new HttpClient { BaseAddress = identity.Address };
        using var revoked = await server.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = refresh,
            ["token_type_hint"] = "refresh_token",
            ["client_id"] = IdentityFixture.WebClientId,
            ["client_secret"] = IdentityFixture.WebClientSecret,
        }));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        using var refused = await flow.RefreshAsync(refresh);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("invalid_grant", (await JsonAsync(refused)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Ending_the_session_without_an_id_token_hint_asks_the_person_to_confirm_and_signs_nobody_out()
    {
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);
        await flow.SignInForCodeAsync(DevelopmentAccounts.Email(ForumRoles.Editor), DevelopmentAccounts.Password(ForumRoles.Editor));

        // What an image on any page would send.
        using var ended = await browser.GetAsync("/connect/endsession");

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal("/account/signout", ended.Headers.Location!.OriginalString);
        using var account = await browser.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("<form method=\"post\"", await browser.GetStringAsync("/account/signout"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_the_session_signs_the_person_out_and_returns_to_the_websites_registered_address()
    {
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);
        var idToken = (await flow.TokensAsync(DevelopmentAccounts.Email(ForumRoles.Editor), DevelopmentAccounts.Password(ForumRoles.Editor)))
            .GetProperty("id_token").GetString()!;

        using var ended = await browser.GetAsync(
            $"/connect/endsession?id_token_hint={idToken}&post_logout_redirect_uri={Uri.EscapeDataString(IdentityFixture.PostLogoutRedirectUri.ToString())}&state=bye");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(IdentityFixture.PostLogoutRedirectUri.GetLeftPart(UriPartial.Path), ended.Headers.Location!.GetLeftPart(UriPartial.Path));

        // Signed out: authorizing again asks for the sign-in page.
        using var again = await browser.GetAsync(flow.AuthorizeUrl());
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("/account/signin", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}

/// <summary>Refresh token reuse within the leeway (a client that retried after a lost answer) and past it.</summary>
[Collection(IdentityWithLeewayCollection.Name)]
public sealed class RefreshLeewayTests(IdentityWithLeewayFixture identity)
{
    private static async Task<string?> RefreshTokenOfAsync(HttpResponseMessage response) =>
        response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refresh_token").GetString() : null;

    [Fact]
    public async Task A_refresh_token_used_again_within_the_leeway_works_and_past_it_revokes_the_family()
    {
        using var browser = identity.Browser();
        var flow = IdentityFixture.Flow(browser);
        var first = (await flow.TokensAsync(DevelopmentAccounts.Email(ForumRoles.Editor), DevelopmentAccounts.Password(ForumRoles.Editor)))
            .GetProperty("refresh_token").GetString()!;

        using var exchanged = await flow.RefreshAsync(first);
        using var retried = await flow.RefreshAsync(first);
        var (second, retriedToken) = (await RefreshTokenOfAsync(exchanged), await RefreshTokenOfAsync(retried));
        Assert.NotNull(second);
        Assert.NotNull(retriedToken);

        await Task.Delay(IdentityWithLeewayFixture.Leeway + TimeSpan.FromSeconds(1));
        using var stolen = await flow.RefreshAsync(first);
        using var family = await flow.RefreshAsync(second);
        using var familyToo = await flow.RefreshAsync(retriedToken);

        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, family.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, familyToo.StatusCode);
    }
}
