using System.Text;
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
    /// <summary>Known to everyone who reads this repository, so it is accepted only in Development.</summary>
    public const string DevelopmentSigningKey = "forum-platform-development-signing-key-not-for-production";

    public static IHostApplicationBuilder AddForumAuthentication(this IHostApplicationBuilder builder)
    {
        var options = ReadOptions(builder.Configuration, builder.Environment);

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = SigningKey(options),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ValidatedTokenCache>();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<ValidatedTokenCache>((jwt, cache) => jwt.Events = CachedValidation(cache));

        builder.Services.AddAuthorizationBuilder()
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

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, read the way the JWT bearer handler reads it.</summary>
    public static string? BearerToken(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    public static ForumAuthOptions ReadOptions(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(ForumAuthOptions.SectionName).Get<ForumAuthOptions>() ?? new ForumAuthOptions();
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    $"{ForumAuthOptions.SectionName}:SigningKey is not configured. Set it (32+ characters) outside Development.");
            }

            options.SigningKey = DevelopmentSigningKey;
        }

        if (options.SigningKey.Length < 32)
        {
            throw new InvalidOperationException($"{ForumAuthOptions.SectionName}:SigningKey must be at least 32 characters.");
        }

        return options;
    }

    public static SymmetricSecurityKey SigningKey(ForumAuthOptions options) =>
        new(Encoding.UTF8.GetBytes(options.SigningKey!));
}
