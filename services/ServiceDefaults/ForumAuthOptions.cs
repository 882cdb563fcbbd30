using System.ComponentModel.DataAnnotations;

namespace ForumPlatform.ServiceDefaults;

/// <summary>
/// How bearer tokens are validated (configuration section <c>Auth</c>). Tokens are HMAC-SHA256 signed JWTs;
/// the signing key must be configured outside Development.
/// </summary>
public sealed class ForumAuthOptions
{
    public const string SectionName = "Auth";

    [Required]
    public string Issuer { get; set; } = "forum-platform";

    [Required]
    public string Audience { get; set; } = "forum-platform-api";

    /// <summary>At least 32 characters. Empty means: the well-known development key, in Development only.</summary>
    public string? SigningKey { get; set; }
}
