using ForumPlatform.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ForumPlatform.Identity.Server;

/// <summary>The OpenID Connect server: endpoints, flows, token formats, keys.</summary>
internal static class OpenIdServer
{
    public const string AuthorizationPath = "connect/authorize";
    public const string TokenPath = "connect/token";
    public const string RevocationPath = "connect/revoke";
    public const string EndSessionPath = "connect/endsession";
    public const string UserInfoPath = "connect/userinfo";

    public static IHostApplicationBuilder AddOpenIdServer(this IHostApplicationBuilder builder, IdentityServerOptions options)
    {
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                if (options.Issuer is not null)
                {
                    server.SetIssuer(options.Issuer);
                }

                server.SetAuthorizationEndpointUris(AuthorizationPath)
                    .SetTokenEndpointUris(TokenPath)
                    .SetRevocationEndpointUris(RevocationPath)
                    .SetEndSessionEndpointUris(EndSessionPath)
                    .SetUserInfoEndpointUris(UserInfoPath);

                server.AllowAuthorizationCodeFlow()
                    .RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.Role);

                // Access tokens are signed JWTs any validator can read (OpenIddict encrypts them by default);
                // authorization codes and refresh tokens stay encrypted, as only this service reads them.
                server.DisableAccessTokenEncryption();
                server.SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime)
                    .SetRefreshTokenReuseLeeway(options.RefreshTokenReuseLeeway);

                SigningKeys.Register(server, options.Keys, builder.Environment);

                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();
                if (builder.Environment.IsDevelopment())
                {
                    // Development runs on plain http (README: https in a deployment).
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
        return builder;
    }
}
