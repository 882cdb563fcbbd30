using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ForumPlatform.Bench;

/// <summary>
/// What sign-in costs. Issuance: client-credentials tokens from the identity service, one at a time (latency) and 8 in
/// flight (tokens per second). Validation of a token not seen before (the validated-token cache misses): the same
/// handler and checks the gateway uses, over distinct RS256 tokens the identity service issued, beside distinct HS256
/// tokens signed with a 32-byte shared key as the platform's tokens were before (the figure it is compared with); and
/// through the gateway, a GET with a token neither the gateway nor the service has seen, alternating with one both keep.
/// </summary>
public static class Tokens
{
    private const string Path = "/api/agenda/forums/tianshan-forum-2025";

    public static async Task<(IReadOnlyList<Series> Series, IReadOnlyDictionary<string, string> Notes)> RunAsync(RunningForumPlatform system, BenchScale scale)
    {
        var tokens = scale.Of(1000, 3);
        var warmUps = scale.Of(50, 1);
        // Issuance, one at a time.
        var issuance = new List<double>(tokens);
        var issued = new List<string>(tokens);
        for (var i = 0; i < tokens + warmUps; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var (token, _) = await system.Tokens.IssueAsync(ForumRoles.Editor);
            if (i >= warmUps)
            {
                issuance.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                issued.Add(token);
            }
        }

        // Issuance, 8 in flight.
        var concurrent = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, tokens), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (_, _) => await system.Tokens.IssueAsync(ForumRoles.Editor));
        var perSecond = tokens / concurrent.Elapsed.TotalSeconds;

        // Validation in-process: distinct RS256 tokens (issued) against distinct HS256 tokens (a shared key), alternating.
        using var identity = system.Client("identity");
        var keys = new JsonWebKeySet(await identity.GetStringAsync("/.well-known/jwks")).GetSigningKeys();
        var issuer = new JsonWebToken(issued[0]).Issuer;
        var sharedKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));
        var hmacTokens = issued.Select((_, i) => HmacToken(sharedKey, issuer, $"hmac-{i}")).ToList();
        var rsaParameters = Parameters(issuer, keys, [SecurityAlgorithms.RsaSha256]);
        var hmacParameters = Parameters(issuer, [sharedKey], [SecurityAlgorithms.HmacSha256]);
        var handler = new JsonWebTokenHandler();
        var (rs256, hs256) = (new List<double>(tokens), new List<double>(tokens));
        for (var i = 0; i < tokens; i++)
        {
            rs256.Add(await ValidateAsync(handler, issued[i], rsaParameters));
            hs256.Add(await ValidateAsync(handler, hmacTokens[i], hmacParameters));
        }

        // Through the gateway: a token seen before (cached by the gateway and the service) against one never seen.
        var fresh = new List<string>(tokens);
        for (var i = 0; i < tokens; i++)
        {
            fresh.Add((await system.Tokens.IssueAsync(ForumRoles.Editor)).Token);
        }

        using var gateway = system.GatewayOnItsOwnPort();
        var known = await system.Tokens.ForRoleAsync(ForumRoles.Editor);
        var (seen, unseen) = (new List<double>(tokens), new List<double>(tokens));
        for (var i = 0; i < scale.Of(200, 2); i++)
        {
            await GetAsync(gateway, known);
        }

        for (var i = 0; i < tokens; i++)
        {
            seen.Add(await GetAsync(gateway, known));
            unseen.Add(await GetAsync(gateway, fresh[i]));
        }

        var series = new List<Series>
        {
            new("tokens", "issue (client credentials)", issuance),
            new("tokens", "validate RS256, unseen token", rs256),
            new("tokens", "validate HS256 (shared key)", hs256),
            new("tokens", "GET via gateway, token kept", seen),
            new("tokens", "GET via gateway, token unseen", unseen),
        };
        var notes = new Dictionary<string, string>
        {
            ["tokens issued"] = string.Create(CultureInfo.InvariantCulture,
                $"{perSecond:F0} tokens/s with 8 in flight; one at a time, median {series[0].Median:F2} ms"),
            ["validating a token not seen before"] = string.Create(CultureInfo.InvariantCulture,
                $"RS256 median {series[1].Median * 1000:F0} µs, HS256 with a shared key {series[2].Median * 1000:F0} µs: {series[1].Median / series[2].Median:F1} ×; " +
                $"through the gateway an unseen token adds {series[4].Median - series[3].Median:F3} ms (gateway and agenda service each validate it)"),
        };
        return (series, notes);
    }

    private static TokenValidationParameters Parameters(string issuer, IEnumerable<SecurityKey> keys, string[] algorithms) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = "forum-platform-api",
        IssuerSigningKeys = keys,
        ValidAlgorithms = algorithms,
        NameClaimType = "sub",
        RoleClaimType = "role",
    };

    private static string HmacToken(SecurityKey key, string issuer, string subject) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = issuer,
        Audience = "forum-platform-api",
        Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", ForumRoles.Editor)]),
        Expires = DateTime.UtcNow.AddMinutes(15),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });

    private static async Task<double> ValidateAsync(JsonWebTokenHandler handler, string token, TokenValidationParameters parameters)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await handler.ValidateTokenAsync(token, parameters);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return result.IsValid ? elapsed : throw new InvalidOperationException($"A benchmark token did not validate: {result.Exception?.Message}");
    }

    private static async Task<double> GetAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
