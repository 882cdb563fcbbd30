using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Web.SignIn;

/// <summary>
/// Keeps a signed-in reader's access token fresh: on a request within a minute of its expiry, the refresh token is
/// exchanged at the identity service's token endpoint and the session (on the server) updated. A refresh the identity
/// service refuses (the account deleted or locked, the sign-in revoked) ends the website's session too.
/// </summary>
public sealed class TokenRefresher(IOptionsMonitor<OpenIdConnectOptions> oidc, TimeProvider clock, ILogger<TokenRefresher> logger)
{
    private static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(1);

    public async Task ValidateOrRefreshAsync(CookieValidatePrincipalContext context)
    {
        var tokens = context.Properties;
        if (!DateTimeOffset.TryParse(tokens.GetTokenValue("expires_at"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var expiresAt)
            || expiresAt - clock.GetUtcNow() > RefreshBefore)
        {
            return;
        }

        var refreshToken = tokens.GetTokenValue("refresh_token");
        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var refreshed = refreshToken is null ? null : await RefreshAsync(options, refreshToken, context.HttpContext.RequestAborted);
        if (refreshed is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        tokens.UpdateTokenValue("access_token", refreshed.AccessToken);
        tokens.UpdateTokenValue("refresh_token", refreshed.RefreshToken ?? refreshToken!);
        tokens.UpdateTokenValue("expires_at",
            clock.GetUtcNow().AddSeconds(refreshed.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private async Task<TokenResponse?> RefreshAsync(OpenIdConnectOptions options, string refreshToken, CancellationToken cancellationToken)
    {
        try
        {
            var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
            using var response = await options.Backchannel.PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret!,
            }), cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogInformation("The identity service refused to refresh a reader's token ({Status}); their session ends.", (int)response.StatusCode);
                return null;
            }

            return await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        }
        catch (HttpRequestException failure)
        {
            logger.LogWarning(failure, "Refreshing a reader's token failed; their session ends.");
            return null;
        }
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
