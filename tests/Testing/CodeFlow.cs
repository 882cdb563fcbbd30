using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace ForumPlatform.Testing;

/// <summary>A client registered for the authorization code flow: the website's, in these tests.</summary>
public sealed record CodeFlowClient(string ClientId, string Secret, Uri RedirectUri);

/// <summary>
/// The website's side of sign-in, as a browser (<paramref name="browser"/>: cookies kept, redirects not followed, based
/// at the identity service's public address) and the website's server do it: authorization code with PKCE.
/// </summary>
public sealed partial class CodeFlow(HttpClient browser, CodeFlowClient client)
{
    public string Verifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string State { get; } = Guid.NewGuid().ToString("N");

    public string AuthorizeUrl(string scope = "openid profile roles offline_access", Uri? redirectUri = null, bool pkce = true)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = client.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = (redirectUri ?? client.RedirectUri).ToString(),
            ["scope"] = scope,
            ["state"] = State,
        };
        if (pkce)
        {
            query["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier)));
            query["code_challenge_method"] = "S256";
        }

        return QueryHelpers.AddQueryString("/connect/authorize", query);
    }

    /// <summary>Posts the sign-in form of <paramref name="page"/> (a GET of the sign-in page) with its anti-forgery token.</summary>
    public async Task<HttpResponseMessage> PostSignInAsync(string page, string email, string password, bool withAntiforgery = true)
    {
        var html = await browser.GetStringAsync(page);
        var returnUrl = QueryHelpers.ParseQuery(new Uri(browser.BaseAddress!, page).Query).TryGetValue("ReturnUrl", out var value) ? value.ToString() : "";
        var fields = new Dictionary<string, string>
        {
            ["Form.Email"] = email,
            ["Form.Password"] = password,
            ["ReturnUrl"] = returnUrl,
        };
        if (withAntiforgery)
        {
            fields["__RequestVerificationToken"] = AntiforgeryToken(html);
        }

        return await browser.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    /// <summary>The whole browser part: authorize, sign in on the page it sends to, and come back with a code.</summary>
    public async Task<string> SignInForCodeAsync(string email, string password, string scope = "openid profile roles offline_access")
    {
        using var authorize = await browser.GetAsync(AuthorizeUrl(scope));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var signInPage = authorize.Headers.Location!;
        Assert.StartsWith("/account/signin", signInPage.IsAbsoluteUri ? signInPage.PathAndQuery : signInPage.OriginalString, StringComparison.Ordinal);

        using var signedIn = await PostSignInAsync(signInPage.IsAbsoluteUri ? signInPage.PathAndQuery : signInPage.OriginalString, email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return await CodeAfterAsync(signedIn.Headers.Location!);
    }

    /// <summary>Follows the redirect back to the authorization endpoint, which sends the browser to the website with a code.</summary>
    public async Task<string> CodeAfterAsync(Uri location)
    {
        using var back = await browser.GetAsync(location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.Equal(client.RedirectUri.GetLeftPart(UriPartial.Path), callback.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal(State, query["state"].ToString());
        return query["code"].ToString();
    }

    /// <summary>The website's server exchanges the code (with its secret and the PKCE verifier) for tokens.</summary>
    public Task<HttpResponseMessage> RedeemAsync(string code, string? verifier = null) =>
        TokenRequestAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = client.RedirectUri.ToString(),
            ["code_verifier"] = verifier ?? Verifier,
        });

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        TokenRequestAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    public async Task<HttpResponseMessage> TokenRequestAsync(Dictionary<string, string> fields)
    {
        fields["client_id"] = client.ClientId;
        fields["client_secret"] = client.Secret;
        using var server = new HttpClient { BaseAddress = browser.BaseAddress };
        return await server.PostAsync("/connect/token", new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs in and redeems the code: the tokens the website gets.</summary>
    public async Task<JsonElement> TokensAsync(string email, string password)
    {
        var code = await SignInForCodeAsync(email, password);
        using var response = await RedeemAsync(code);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    /// <summary>The anti-forgery token of the first form on a page.</summary>
    public static string AntiforgeryToken(string html) =>
        AntiforgeryField().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no anti-forgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
