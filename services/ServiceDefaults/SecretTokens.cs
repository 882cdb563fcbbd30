using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ForumPlatform.ServiceDefaults;

/// <summary>
/// Bearer secrets a service hands out once (a subscription's management token, a personal calendar's address) and
/// keeps only as a hash, so a copy of its database opens nothing.
/// </summary>
public static class SecretTokens
{
    /// <summary><paramref name="prefix"/> and 32 random bytes, URL-safe (base64url without padding).</summary>
    public static string New(string prefix = "") => prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>What is stored and looked up: the SHA-256 of the token, in lower-case hex.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
