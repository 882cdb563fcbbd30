using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ForumPlatform.Testing;

/// <summary>
/// The attacks on bearer tokens that a validator must refuse, made from a real token or the provider's public key:
/// no private key of the platform is ever needed, as an attacker has none.
/// </summary>
public static class ForgedTokens
{
    /// <summary>The token's claims under a header saying <c>alg: none</c>, without a signature.</summary>
    public static string AlgNone(string token)
    {
        var parts = token.Split('.');
        return $"{Encode(new JsonObject { ["alg"] = "none", ["typ"] = "at+jwt" })}.{parts[1]}.";
    }

    /// <summary>The token's payload changed (by <paramref name="change"/>) under its original, valid signature.</summary>
    public static string WithPayloadChanged(string token, Action<JsonObject> change)
    {
        var parts = token.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        change(payload);
        return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
    }

    /// <summary>
    /// Key confusion: the token's claims signed with HMAC-SHA256 using the provider's public RSA key (as PEM) as the
    /// secret, under the real key's id, for a validator that would take the key's bytes as an HMAC secret.
    /// </summary>
    public static string HmacWithPublicKey(string token, JsonWebKey publicKey)
    {
        using var rsa = RSA.Create(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(publicKey.N), Exponent = Base64UrlEncoder.DecodeBytes(publicKey.E) });
        var secret = Encoding.ASCII.GetBytes(rsa.ExportSubjectPublicKeyInfoPem());
        var header = new JsonObject { ["alg"] = "HS256", ["typ"] = "at+jwt", ["kid"] = publicKey.Kid };
        var signingInput = $"{Encode(header)}.{token.Split('.')[1]}";
        return $"{signingInput}.{Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)))}";
    }

    /// <summary>The token's claims signed by a key pair of the attacker's own, under <paramref name="keyId"/> (the real key's id, or a new one).</summary>
    public static string SignedByUnknownKey(string token, string keyId)
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa) { KeyId = keyId };
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]))!.ToJsonString();
        return new JsonWebTokenHandler().CreateToken(payload, new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            new Dictionary<string, object> { ["typ"] = "at+jwt" });
    }

    /// <summary>The roles a token names (one <c>role</c> claim, or an array).</summary>
    public static IReadOnlyList<string> Roles(string token) =>
        [.. new JsonWebToken(token).Claims.Where(claim => claim.Type == "role").Select(claim => claim.Value)];

    private static string Encode(JsonNode node) => Base64UrlEncoder.Encode(node.ToJsonString());
}
