using System.Globalization;
using System.Net;
using System.Security.Claims;
using ForumPlatform.Web.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ForumPlatform.Web.Tests;

/// <summary>The website refreshing a signed-in reader's tokens as they expire, against a stand-in token endpoint.</summary>
public sealed class TokenRefresherTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly TokenEndpoint endpoint = new();

    [Fact]
    public async Task A_token_with_time_left_is_kept_and_the_identity_service_not_asked()
    {
        var context = Context(expiresAt: Now.AddMinutes(10));

        await Refresher().ValidateOrRefreshAsync(context);

        Assert.Empty(endpoint.Requests);
        Assert.Equal("old-access", context.Properties.GetTokenValue("access_token"));
        Assert.False(context.ShouldRenew);
    }

    [Fact]
    public async Task A_token_about_to_expire_is_exchanged_with_the_refresh_token_and_the_session_renewed()
    {
        endpoint.Answer = (HttpStatusCode.OK, """{"access_token":"new-access","refresh_token":"new-refresh","expires_in":900,"token_type":"Bearer"}""");
        var context = Context(expiresAt: Now.AddSeconds(30));

        await Refresher().ValidateOrRefreshAsync(context);

        var sent = Assert.Single(endpoint.Requests);
        Assert.Contains("grant_type=refresh_token", sent, StringComparison.Ordinal);
        Assert.Contains("refresh_token=old-refresh", sent, StringComparison.Ordinal);
        Assert.Contains("client_id=forum-web", sent, StringComparison.Ordinal);
        Assert.Equal("new-access", context.Properties.GetTokenValue("access_token"));
        Assert.Equal("new-refresh", context.Properties.GetTokenValue("refresh_token"));
        Assert.Equal(Now.AddSeconds(900), DateTimeOffset.Parse(context.Properties.GetTokenValue("expires_at")!, CultureInfo.InvariantCulture));
        Assert.True(context.ShouldRenew);
        Assert.NotNull(context.Principal);
    }

    [Fact]
    public async Task A_refresh_the_identity_service_refuses_ends_the_websites_session()
    {
        endpoint.Answer = (HttpStatusCode.BadRequest, """{"error":"invalid_grant"}""");
        var context = Context(expiresAt: Now.AddSeconds(-5));

        await Refresher().ValidateOrRefreshAsync(context);

        Assert.Single(endpoint.Requests);
        Assert.Null(context.Principal);
        Assert.Equal("old-access", context.Properties.GetTokenValue("access_token"));
    }

    private TokenRefresher Refresher()
    {
        var oidc = new OpenIdConnectOptions
        {
            ClientId = "forum-web",
            ClientSecret = "secret",
            Backchannel = new HttpClient(endpoint),
            ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(
                new OpenIdConnectConfiguration { TokenEndpoint = "http://identity.test/connect/token" }),
        };
        return new TokenRefresher(new FixedOptions(oidc), new FixedClock(Now), NullLogger<TokenRefresher>.Instance);
    }

    private static CookieValidatePrincipalContext Context(DateTimeOffset expiresAt)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAuthentication().AddCookie();
        var http = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        var properties = new AuthenticationProperties();
        properties.StoreTokens(
        [
            new AuthenticationToken { Name = "access_token", Value = "old-access" },
            new AuthenticationToken { Name = "refresh_token", Value = "old-refresh" },
            new AuthenticationToken { Name = "expires_at", Value = expiresAt.ToString("o", CultureInfo.InvariantCulture) },
        ]);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "reader-1")], "test")), properties, "Cookies");
        var scheme = new AuthenticationScheme(CookieAuthenticationDefaults.AuthenticationScheme, null, typeof(CookieAuthenticationHandler));
        return new CookieValidatePrincipalContext(http, scheme, new CookieAuthenticationOptions(), ticket);
    }

    private sealed class TokenEndpoint : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        public (HttpStatusCode Status, string Body) Answer { get; set; } = (HttpStatusCode.InternalServerError, "{}");

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(Answer.Status) { Content = new StringContent(Answer.Body, System.Text.Encoding.UTF8, "application/json") };
        }
    }

    private sealed class FixedOptions(OpenIdConnectOptions options) : IOptionsMonitor<OpenIdConnectOptions>
    {
        public OpenIdConnectOptions CurrentValue => options;

        public OpenIdConnectOptions Get(string? name) => options;

        public IDisposable? OnChange(Action<OpenIdConnectOptions, string?> listener) => null;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
