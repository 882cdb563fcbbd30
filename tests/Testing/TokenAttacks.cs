using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace ForumPlatform.Testing;

/// <summary>
/// Admin tokens a validator must refuse, each a different attack or mistake, made against <see cref="TestAuthority"/>:
/// what the gateway and every service are tested with. Only tokens whose signature the authority made can test the
/// claims (expiry, issuer, audience); the rest are forged without its key.
/// </summary>
public static class TokenAttacks
{
    private const string Admin = "admin";

    public static readonly IReadOnlyDictionary<string, Func<TestAuthority, string>> All = new Dictionary<string, Func<TestAuthority, string>>
    {
        ["expired"] = authority => authority.Token("attacker", [Admin], TimeSpan.FromMinutes(5), DateTime.UtcNow.AddHours(-1)),
        ["not valid yet"] = authority => authority.Token("attacker", [Admin], issuedAt: DateTime.UtcNow.AddHours(1)),
        ["another issuer"] = authority => authority.Token("attacker", [Admin], issuer: "https://evil.example/"),
        ["another audience"] = authority => authority.Token("attacker", [Admin], audience: "another-api"),
        ["an unknown key id"] = authority => authority.Token("attacker", [Admin], key: TestAuthority.NewKey()),
        ["another key pair under the real key id"] = authority =>
            authority.Token("attacker", [Admin], key: new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = authority.SigningKey.KeyId }),
        ["alg none"] = authority => ForgedTokens.AlgNone(authority.TokenFor("editor")),
        ["a payload changed under a valid signature"] = authority =>
            ForgedTokens.WithPayloadChanged(authority.TokenFor("editor"), payload => payload["role"] = new JsonArray("editor", Admin)),
        ["the public key used as an HS256 secret"] = authority =>
            ForgedTokens.HmacWithPublicKey(authority.TokenFor("editor"), JsonWebKeyConverter.ConvertFromRSASecurityKey(PublicHalf(authority.SigningKey))),
        ["not a token"] = _ => "not-a-token",
    };

    /// <summary>The names, as xUnit member data.</summary>
    public static TheoryData<string> Names => [.. All.Keys];

    private static RsaSecurityKey PublicHalf(RsaSecurityKey key) =>
        new(key.Rsa.ExportParameters(includePrivateParameters: false)) { KeyId = key.KeyId };
}
