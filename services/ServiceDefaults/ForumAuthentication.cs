using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ForumPlatform.ServiceDefaults;

public static class ForumAuthentication
{
    /// <summary>The signing algorithms accepted: asymmetric only, so a public key can never serve as an HMAC secret.</summary>
    public static readonly IReadOnlyList<string> AcceptedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>
    /// JWT bearer authentication against the OpenID Connect provider at <c>Auth:Authority</c>: its metadata and keys are
    /// fetched from there and cached, and fetched again when a token names a key the cache lacks.
    /// </summary>
    public static IHostApplicationBuilder AddForumAuthentication(this IHostApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration);
        var requireHttps = options.RequireHttpsMetadata ?? !builder.Environment.IsDevelopment();
        if (requireHttps && new Uri(options.Authority!).Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException(
                $"{ForumAuthOptions.SectionName}:Authority is '{options.Authority}', not https, outside Development. Give the identity " +
                $"service an https address of its own (README: HTTPS in a deployment). {ForumAuthOptions.SectionName}:RequireHttpsMetadata " +
                "false is for another provider whose metadata comes over http on a trusted network.");
        }

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.Authority = options.Authority;
                jwt.Audience = options.Audience;
                jwt.RequireHttpsMetadata = requireHttps;
                jwt.RefreshOnIssuerKeyNotFound = true;
                jwt.RefreshInterval = options.KeyRefreshInterval;
                jwt.AutomaticRefreshInterval = options.MetadataRefreshInterval;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    // No ValidIssuer: the issuer the provider's metadata names.
                    ValidAudience = options.Audience,
                    ValidAlgorithms = AcceptedAlgorithms,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    NameClaimType = "sub",
                    RoleClaimType = options.RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ValidatedTokenCache>();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<ValidatedTokenCache>((jwt, cache) => jwt.Events = CachedValidation(cache));

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ForumPolicies.SignedIn, policy => policy.RequireAuthenticatedUser().RequireClaim("sub"))
            .AddPolicy(ForumPolicies.Editor, policy => policy.RequireRole(ForumRoles.Editor, ForumRoles.Admin))
            .AddPolicy(ForumPolicies.Organizer, policy => policy.RequireRole(ForumRoles.Organizer, ForumRoles.Admin))
            .AddPolicy(ForumPolicies.Analyst, policy => policy.RequireRole(ForumRoles.Analyst, ForumRoles.Admin))
            .AddPolicy(ForumPolicies.Admin, policy => policy.RequireRole(ForumRoles.Admin));

        return builder;
    }

    /// <summary>
    /// A token seen before and still valid is taken from <paramref name="cache"/> instead of being validated again;
    /// a token that passes validation is added to it.
    /// </summary>
    private static JwtBearerEvents CachedValidation(ValidatedTokenCache cache) => new()
    {
        OnMessageReceived = context =>
        {
            if (BearerToken(context.Request) is { } token && cache.TryGet(token, out var principal, out var expires))
            {
                context.Principal = principal;
                context.Properties.ExpiresUtc = expires;
                context.Success();
            }

            return Task.CompletedTask;
        },
        OnTokenValidated = context =>
        {
            if (BearerToken(context.Request) is { } token
                && context.SecurityToken is JsonWebToken validated
                && context.Principal is { } principal)
            {
                cache.Add(token, principal, new DateTimeOffset(validated.ValidTo, TimeSpan.Zero));
            }

            return Task.CompletedTask;
        },
    };

    /// <summary>
    /// The <c>sub</c> of a person's token: null for no token or a machine client's token (client credentials, whose
    /// <c>sub</c> is its own <c>client_id</c>, as the website's own token is).
    /// </summary>
    public static string? PersonSubject(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true }
        && user.FindFirst("sub")?.Value is { Length: > 0 and <= 200 } subject
        && user.FindFirst("client_id")?.Value != subject
            ? subject
            : null;

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, read the way the JWT bearer handler reads it.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    public static ForumAuthOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(ForumAuthOptions.SectionName).Get<ForumAuthOptions>() ?? new ForumAuthOptions();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException(
                $"{ForumAuthOptions.SectionName}:Authority is not an absolute URL. Set it to the OpenID Connect provider " +
                "that issues the platform's tokens (the app host sets it to the identity service).");
        }

        return options;
    }
}
