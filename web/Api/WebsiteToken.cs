using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Web.Api;

/// <summary>
/// The website's own access token, from the gateway's token endpoint with client credentials, kept until a minute
/// before it expires. It carries no role: the website reads what the public reads, on behalf of its visitors.
/// Without one (the identity service down) the website still reads, anonymously, and asks again after a pause.
/// </summary>
public sealed class WebsiteToken(
    IHttpClientFactory clients, IOptions<WebsiteOptions> options, IHostEnvironment environment, TimeProvider clock, ILogger<WebsiteToken> logger)
{
    public const string HttpClientName = "website-token";
    private static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim renewing = new(1, 1);
    private HeldToken? held;
    private DateTimeOffset nextAttempt = DateTimeOffset.MinValue;

    /// <summary>The current token, or null when none can be had just now.</summary>
    public async ValueTask<string?> GetAsync(CancellationToken cancellationToken)
    {
        if (held is { } current && current.RenewAt > clock.GetUtcNow())
        {
            return current.AccessToken;
        }

        await renewing.WaitAsync(cancellationToken);
        try
        {
            if (held is { } renewed && renewed.RenewAt > clock.GetUtcNow())
            {
                return renewed.AccessToken;
            }

            if (clock.GetUtcNow() < nextAttempt)
            {
                return null;
            }

            return await RequestAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            nextAttempt = clock.GetUtcNow() + PauseAfterFailure;
            logger.LogWarning(failure, "No token for the website's calls; reading anonymously for {Pause}.", PauseAfterFailure);
            return null;
        }
        finally
        {
            renewing.Release();
        }
    }

    private async Task<string> RequestAsync(CancellationToken cancellationToken)
    {

        var website = options.Value;
        using var http = clients.CreateClient(HttpClientName);
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = website.ClientId,
            ["client_secret"] = ClientSecret(website, environment),
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken)
            ?? throw new HttpRequestException("The token endpoint answered without a token.");
        held = new HeldToken(token.AccessToken, clock.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn) - RenewBeforeExpiry);
        return token.AccessToken;
    }

    /// <summary>The configured secret; in Development the one the identity service gives the website's client there.</summary>
    public static string ClientSecret(WebsiteOptions website, IHostEnvironment environment) =>
        website.ClientSecret
        ?? (environment.IsDevelopment()
            ? ServiceDefaults.DevelopmentAccounts.WebClientSecret
            : throw new InvalidOperationException("Website:ClientSecret is not set: the website's client needs its secret outside Development."));

    private sealed record HeldToken(string AccessToken, DateTimeOffset RenewAt);

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);
}
