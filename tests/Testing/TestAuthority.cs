using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ForumPlatform.Testing;

/// <summary>
/// A stand-in OpenID Connect provider for tests of one service or the gateway: a real Kestrel server on loopback
/// serving discovery and JWKS as a provider does, and signing RS256 access tokens with its own key pair. A service
/// under test is configured with it as <c>Auth:Authority</c> and validates its tokens exactly as it validates the
/// identity service's, so a test gets no token the service would not check. Its issuer is a public name other than its
/// address, as the identity service's is the gateway's.
/// </summary>
public sealed class TestAuthority : IAsyncDisposable
{
    public const string PublicIssuer = "https://forum.test/";
    public const string Audience = "forum-platform-api";

    private static readonly Lazy<TestAuthority> SharedInstance = new(() => StartAsync().GetAwaiter().GetResult());

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> tokensByRole = new();
    private volatile RsaSecurityKey[] published;

    private TestAuthority(WebApplication app, RsaSecurityKey signingKey)
    {
        this.app = app;
        SigningKey = signingKey;
        published = [signingKey];
    }

    /// <summary>One authority for every fixture of a test run.</summary>
    public static TestAuthority Shared => SharedInstance.Value;

    /// <summary>Where its metadata is fetched (<c>Auth:Authority</c>).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The key it signs with, published in its JWKS.</summary>
    public RsaSecurityKey SigningKey { get; }

    /// <summary>The settings that make a service or the gateway trust this authority.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Auth:Authority", Address.ToString()),
        // Tests rotate keys; a fetch at most once a second.
        new("Auth:KeyRefreshInterval", "00:00:01"),
    ];

    public static async Task<TestAuthority> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var authority = new TestAuthority(app, NewKey());

        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = PublicIssuer,
            ["jwks_uri"] = new Uri(authority.Address, ".well-known/jwks").ToString(),
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        app.MapGet("/.well-known/jwks", () => Results.Json(new Dictionary<string, object>
        {
            ["keys"] = authority.published.Select(PublicJwk).ToArray(),
        }));

        await app.StartAsync();
        authority.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        return authority;
    }

    /// <summary>A fresh RSA key pair with a key id of its own.</summary>
    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    /// <summary>Publishes <paramref name="key"/> beside the current ones, as a provider does before it signs with a new key.</summary>
    public void Publish(RsaSecurityKey key) => published = [.. published, key];

    /// <summary>A valid access token for one role, the same for every call (so the token caches see it again).</summary>
    public string TokenFor(string role) => tokensByRole.GetOrAdd(role, r => Token($"test-{r}", [r]));

    /// <summary>The <c>name</c> claim of the tokens made for <paramref name="subject"/>.</summary>
    public static string NameOf(string subject) => $"Test person {subject}";

    /// <summary>An access token; every part can be set wrong on purpose.</summary>
    public string Token(
        string subject,
        IEnumerable<string> roles,
        TimeSpan? lifetime = null,
        DateTime? issuedAt = null,
        string issuer = PublicIssuer,
        string audience = Audience,
        SecurityKey? key = null,
        string? clientId = null)
    {
        var now = issuedAt ?? DateTime.UtcNow;
        // A name unlike the subject, as a person's is, so a test can tell which of the two a service kept.
        var claims = new List<Claim> { new("sub", subject), new("name", NameOf(subject)) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        if (clientId is not null)
        {
            // What a provider adds to every access token; a machine client's own tokens have it equal to their sub.
            claims.Add(new Claim("client_id", clientId));
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(1)),
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private static Dictionary<string, string> PublicJwk(RsaSecurityKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.RsaSha256,
            ["kid"] = key.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
