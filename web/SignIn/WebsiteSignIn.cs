using ForumPlatform.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Web.SignIn;

/// <summary>
/// Readers sign in with the identity service (OpenID Connect, authorization code with PKCE, as the confidential client
/// <c>forum-web</c>). The website keeps their tokens on the server (<see cref="ServerSideTickets"/>) and gives the browser
/// only its own session cookie; tokens are refreshed as they expire (<see cref="TokenRefresher"/>).
/// </summary>
public static class WebsiteSignIn
{
    public const string SessionCookie = "forum.session";

    public static IHostApplicationBuilder AddWebsiteSignIn(this IHostApplicationBuilder builder, WebsiteOptions website)
    {
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthorization();
        builder.Services.AddDistributedMemoryCache();
        builder.Services.AddSingleton<ServerSideTickets>();
        builder.Services.AddSingleton<TokenRefresher>();
        var authentication = builder.Services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(cookie =>
        {
            cookie.Cookie.Name = SessionCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
            // A workspace page the person's roles do not open answers 403 where it is (the status page says why),
            // rather than redirecting to another address.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ServerSideTickets, TokenRefresher>((cookie, tickets, refresher) =>
            {
                cookie.SessionStore = tickets;
                cookie.Events.OnValidatePrincipal = refresher.ValidateOrRefreshAsync;
            });

        if (website.Authority is null)
        {
            // No identity service configured (a test of the pages alone): nobody can sign in.
            return builder;
        }

        authentication.AddOpenIdConnect(oidc =>
        {
            oidc.Authority = website.Authority.ToString();
            oidc.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
            oidc.ClientId = website.ClientId;
            oidc.ClientSecret = WebsiteToken.ClientSecret(website, builder.Environment);
            oidc.ResponseType = "code";
            // The code comes back in the query of a redirect: form_post needs the browser to run a script to post it.
            oidc.ResponseMode = "query";
            oidc.UsePkce = true;
            oidc.SaveTokens = true;
            oidc.MapInboundClaims = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.Scope.Clear();
            foreach (var scope in new[] { "openid", "profile", "email", "roles", "offline_access" })
            {
                oidc.Scope.Add(scope);
            }

            oidc.TokenValidationParameters.NameClaimType = "name";
            oidc.TokenValidationParameters.RoleClaimType = "role";
            // The addresses the identity service has registered for the website (through the gateway).
            oidc.CallbackPath = "/signin-oidc";
            oidc.SignedOutCallbackPath = "/signout-callback-oidc";
            oidc.SignedOutRedirectUri = "/";
        });
        return builder;
    }

    /// <summary><c>/signin?returnUrl=</c> starts a sign-in; <c>POST /signout</c> (with the page's anti-forgery token) ends it everywhere.</summary>
    public static void MapWebsiteSignIn(this WebApplication app)
    {
        var website = app.Services.GetRequiredService<IOptions<WebsiteOptions>>().Value;
        app.MapGet("/signin", (string? returnUrl) => website.Authority is null
                ? Results.NotFound()
                : Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]))
            .AllowAnonymous();
        app.MapPost("/signout", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            return website.Authority is null
                ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieAuthenticationDefaults.AuthenticationScheme])
                : Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
                    [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }).DisableAntiforgery(); // validated above, so a stale form answers 400 rather than the framework's error
    }

    /// <summary>A path of this site only: never an open redirect.</summary>
    public static string LocalOnly(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal)
        && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) ? returnUrl : "/";
}
