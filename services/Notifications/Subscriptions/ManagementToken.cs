using System.Security.Claims;
using System.Text.Encodings.Web;
using ForumPlatform.Notifications.Data;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Notifications.Subscriptions;

/// <summary>
/// A subscription's own credential: <c>Authorization: Bearer fpsub_…</c>, handed out once when the subscription
/// is created. It proves ownership of that one subscription and nothing else; platform JWTs keep working beside it.
/// </summary>
public static class ManagementToken
{
    public const string Scheme = "SubscriptionManagementToken";

    public const string SubscriptionClaim = "subscription";

    private const string ForumOrSubscription = "ForumOrSubscriptionToken";

    /// <summary>Makes the default scheme pick the management-token handler for <c>fpsub_</c> tokens, JWT bearer otherwise.</summary>
    public static IHostApplicationBuilder AddSubscriptionManagementTokens(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = ForumOrSubscription;
                options.DefaultChallengeScheme = JwtBearerDefaults.AuthenticationScheme;
            })
            .AddPolicyScheme(ForumOrSubscription, "Platform JWT or subscription management token", policy =>
                policy.ForwardDefaultSelector = context =>
                    ForumAuthentication.BearerToken(context.Request)?.StartsWith(Subscription.ManagementTokenPrefix, StringComparison.Ordinal) == true
                        ? Scheme
                        : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, Handler>(Scheme, displayName: "Subscription management token", _ => { });

        // Routes that are not about one subscription take platform tokens only: there, a management token is no
        // credential at all (401), as on every other service.
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PlatformAdmin, policy => policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireRole(ForumRoles.Admin))
            .AddPolicy(PlatformSignedIn, policy => policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireClaim("sub"));
        return builder;
    }

    /// <summary>The <c>admin</c> role, from a platform token only.</summary>
    public const string PlatformAdmin = "platform-admin";

    /// <summary>Anyone with a platform token (a person, or a client), never a management token.</summary>
    public const string PlatformSignedIn = "platform-signed-in";

    /// <summary>Whether <paramref name="user"/> may manage the subscription: its own token, its owner signed in, or an admin.</summary>
    public static bool CanManage(this ClaimsPrincipal user, Subscription subscription) =>
        user.IsInRole(ForumRoles.Admin)
        || user.HasClaim(SubscriptionClaim, subscription.Id.ToString())
        || (subscription.OwnerSubject is { } owner && Person(user) == owner);

    /// <summary>The person signed in with a platform token; null for a management token, a machine client or nobody.</summary>
    public static string? Person(ClaimsPrincipal user) =>
        user.HasClaim(claim => claim.Type == SubscriptionClaim) ? null : ForumAuthentication.PersonSubject(user);

    private sealed class Handler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, NotificationsDbContext db)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var token = ForumAuthentication.BearerToken(Request);
            if (token is null || !token.StartsWith(Subscription.ManagementTokenPrefix, StringComparison.Ordinal))
            {
                return AuthenticateResult.NoResult();
            }

            var hash = Subscription.HashToken(token);
            var subscriptionId = await db.Subscriptions.AsNoTracking()
                .Where(subscription => subscription.ManagementTokenHash == hash)
                .Select(subscription => (Guid?)subscription.Id)
                .FirstOrDefaultAsync(Context.RequestAborted);
            if (subscriptionId is null)
            {
                return AuthenticateResult.Fail("Unknown subscription management token.");
            }

            var identity = new ClaimsIdentity(
                [new Claim("sub", $"subscription:{subscriptionId}"), new Claim(SubscriptionClaim, subscriptionId.Value.ToString())],
                ManagementToken.Scheme, "sub", "role");
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ManagementToken.Scheme));
        }
    }
}
