using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.Testing;

/// <summary>
/// Access tokens issued by the running identity service to the development machine clients (client credentials), one
/// per role, kept until shortly before they expire and then fetched again, so a long benchmark never sends an expired one.
/// </summary>
public sealed class IssuedTokens(Func<HttpClient> identity)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(2);
    private readonly ConcurrentDictionary<string, Lazy<Task<(string Token, DateTimeOffset Expires)>>> tokens = new();

    /// <summary>A token for <paramref name="role"/> valid for two minutes at least.</summary>
    public async Task<string> ForRoleAsync(string role)
    {
        while (true)
        {
            var entry = tokens.GetOrAdd(role, r => new Lazy<Task<(string, DateTimeOffset)>>(() => IssueAsync(r)));
            (string Token, DateTimeOffset Expires) issued;
            try
            {
                issued = await entry.Value;
            }
            catch
            {
                // Not kept: the next call asks again.
                tokens.TryRemove(new KeyValuePair<string, Lazy<Task<(string, DateTimeOffset)>>>(role, entry));
                throw;
            }

            var (token, expires) = issued;
            if (expires - DateTimeOffset.UtcNow > RenewBefore)
            {
                return token;
            }

            tokens.TryRemove(new KeyValuePair<string, Lazy<Task<(string, DateTimeOffset)>>>(role, entry));
        }
    }

    /// <summary>A new token for a role's development client, as any OAuth client gets one.</summary>
    public async Task<(string Token, DateTimeOffset Expires)> IssueAsync(string role)
    {
        using var client = identity();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = DevelopmentAccounts.ClientId(role),
            ["client_secret"] = DevelopmentAccounts.ClientSecret(role),
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The identity service refused a token for {role}: {(int)response.StatusCode} {body}");
        }

        return (body.GetProperty("access_token").GetString()!, DateTimeOffset.UtcNow.AddSeconds(body.GetProperty("expires_in").GetInt32()));
    }

    /// <summary>A handler that sends a current token for <paramref name="role"/> with every request.</summary>
    public DelegatingHandler Handler(string role) => new BearerHandler(this, role);

    private sealed class BearerHandler(IssuedTokens tokens, string role) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", await tokens.ForRoleAsync(role));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
