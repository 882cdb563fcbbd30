using System.Security.Claims;
using ForumPlatform.Identity.Data;
using ForumPlatform.Identity.People;
using ForumPlatform.Identity.Server;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ForumPlatform.Identity.Connect;

/// <summary>
/// The OpenID Connect endpoints whose answer depends on who signs in. OpenIddict validates each request first (client,
/// redirect URI, PKCE, grant) and hands only valid ones to these handlers; discovery, JWKS and revocation it answers itself.
/// </summary>
public static class ConnectApi
{
    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder app)
    {
        // Protocol endpoints: described by the discovery document, not by the admin API's OpenAPI document.
        var connect = app.MapGroup("/").ExcludeFromDescription().DisableAntiforgery();
        connect.MapMethods(OpenIdServer.AuthorizationPath, ["GET", "POST"], AuthorizeAsync);
        connect.MapPost(OpenIdServer.TokenPath, ExchangeAsync);
        connect.MapMethods(OpenIdServer.EndSessionPath, ["GET", "POST"], EndSessionAsync);
        connect.MapMethods(OpenIdServer.UserInfoPath, ["GET", "POST"], UserInfoAsync);
        return app;
    }

    /// <summary>
    /// The website sends a person here. Not signed in (or <c>prompt=login</c>): to the sign-in page, back here after.
    /// Signed in: a code for the website, with the person's claims. The website is first-party: no consent screen.
    /// </summary>
    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserManager<ForumUser> users, SignInManager<ForumUser> signIns, IOptions<IdentityServerOptions> options)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var user = cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) : null;

        if (!await MaySignInAsync(user, users, signIns) || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, "The person is not signed in.");
            }

            // Back here after sign-in, without prompt=login (or the sign-in would be asked for again).
            var parameters = http.Request.HasFormContentType ? [.. http.Request.Form] : http.Request.Query.ToList();
            parameters.RemoveAll(parameter => parameter.Key == Parameters.Prompt);
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(parameters);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }

        var principal = await Principals.ForPersonAsync(users, user!, request.GetScopes(), options.Value.Audience);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>
    /// Tokens for a code, a refresh token or a machine client's credentials. For a person, the claims are read again
    /// from the account each time, so a removed role or a lock takes effect at the next refresh. Machine tokens are
    /// not audited one by one (a client may ask every 15 minutes); creating and revoking clients is.
    /// </summary>
    private static async Task<IResult> ExchangeAsync(
        HttpContext http, UserManager<ForumUser> users, SignInManager<ForumUser> signIns, MachineClients clients,
        IOpenIddictApplicationManager applications, IOptions<IdentityServerOptions> options, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
                ?? throw new InvalidOperationException("OpenIddict let through an unknown client.");
            var roles = await clients.RolesOfAsync(application, cancellationToken);
            var principal = Principals.ForClient(request.ClientId!, await applications.GetDisplayNameAsync(application, cancellationToken), roles, request.GetScopes(), options.Value.Audience);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = granted.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
            if (!await MaySignInAsync(user, users, signIns))
            {
                return Refuse(Errors.InvalidGrant, "The account no longer exists or may not sign in.");
            }

            var principal = await Principals.ForPersonAsync(users, user!, granted.Principal!.GetScopes(), options.Value.Audience);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    /// <summary>
    /// Signs the person out of the identity service, then OpenIddict sends them to the client's registered address.
    /// Only with an <c>id_token_hint</c> (which OpenIddict has validated): without one, any page could sign a person out
    /// with an image, so they are sent to the sign-out page to confirm.
    /// </summary>
    private static async Task<IResult> EndSessionAsync(
        HttpContext http, SignInManager<ForumUser> signIns, UserManager<ForumUser> users, AuditLog audit, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (string.IsNullOrEmpty(request.IdTokenHint))
        {
            return Results.Redirect("/account/signout");
        }

        var cookie = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (cookie.Succeeded)
        {
            var subject = users.GetUserId(cookie.Principal);
            await signIns.SignOutAsync();
            await audit.AddAsync(AuditKinds.SignOut, subject, subject, http, null, cancellationToken);
        }

        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/signin" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    /// <summary>The person behind an access token, as the scopes granted allow.</summary>
    private static async Task<IResult> UserInfoAsync(HttpContext http, UserManager<ForumUser> users)
    {
        var token = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var user = token.Principal?.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (user is null)
        {
            return Results.Challenge(Failure(Errors.InvalidToken, "The token names no account."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var granted = token.Principal!;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Id };
        if (granted.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.DisplayName;
        }

        if (granted.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email!;
        }

        if (granted.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = await users.GetRolesAsync(user);
        }

        return Results.Ok(claims);
    }

    /// <summary>Whether the account exists and may sign in now (not locked, confirmed as Identity requires).</summary>
    private static async Task<bool> MaySignInAsync(ForumUser? user, UserManager<ForumUser> users, SignInManager<ForumUser> signIns) =>
        user is not null && await signIns.CanSignInAsync(user) && !await users.IsLockedOutAsync(user);

    private static IResult Refuse(string error, string description) =>
        Results.Forbid(Failure(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static AuthenticationProperties Failure(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}

/// <summary>The claims a token carries, and where each goes (access token, identity token).</summary>
internal static class Principals
{
    public static async Task<ClaimsPrincipal> ForPersonAsync(UserManager<ForumUser> users, ForumUser user, IEnumerable<string> scopes, string audience)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);
        return Finish(identity, scopes, audience);
    }

    public static ClaimsPrincipal ForClient(string clientId, string? displayName, IEnumerable<string> roles, IEnumerable<string> scopes, string audience)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName ?? clientId)
            .SetClaims(Claims.Role, [.. roles]);
        return Finish(identity, scopes, audience);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes, string audience)
    {
        var granted = scopes.ToHashSet(StringComparer.Ordinal);
        identity.SetScopes(granted);
        identity.SetResources(audience);
        identity.SetDestinations(claim => claim.Type switch
        {
            // sub, name and role are what the API needs; the identity token says what the scopes granted.
            Claims.Name when granted.Contains(Scopes.Profile) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Name => [Destinations.AccessToken],
            Claims.Role when granted.Contains(Scopes.Roles) => [Destinations.AccessToken, Destinations.IdentityToken],
            Claims.Role => [Destinations.AccessToken],
            Claims.Email when granted.Contains(Scopes.Email) => [Destinations.IdentityToken],
            Claims.Email => [],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
