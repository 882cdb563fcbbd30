using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ForumPlatform.ServiceDefaults;

/// <summary>
/// Mints tokens that <see cref="ForumAuthentication"/> accepts. Used by the dev-token command, tests and
/// benchmarks; no service exposes it over HTTP.
/// </summary>
public static class DevelopmentTokens
{
    public static string Create(
        ForumAuthOptions options,
        string subject,
        IEnumerable<string> roles,
        TimeSpan? lifetime = null,
        DateTime? now = null)
    {
        var issuedAt = now ?? DateTime.UtcNow;
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(ForumAuthentication.SigningKey(options), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A token for one role, signed with the development key and the default issuer and audience.</summary>
    public static string ForRole(string role, TimeSpan? lifetime = null) =>
        Create(new ForumAuthOptions { SigningKey = ForumAuthentication.DevelopmentSigningKey }, $"dev-{role}", [role], lifetime);
}
