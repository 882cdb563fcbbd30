namespace ForumPlatform.ServiceDefaults;

/// <summary>
/// How bearer tokens are validated (configuration section <c>Auth</c>): JWTs signed with an asymmetric key by an
/// OpenID Connect provider, whose metadata and keys are fetched from <see cref="Authority"/>. Any standard provider
/// (ours in <c>services/Identity</c>, Keycloak, Microsoft Entra ID) can be used by configuration alone.
/// </summary>
public sealed class ForumAuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>
    /// Where this process fetches the provider's metadata (<c>{Authority}/.well-known/openid-configuration</c>) and
    /// keys: for our identity service, its internal address, so nothing waits on the gateway. Tokens must name the
    /// issuer the metadata names (ours: the gateway's public address, whatever address the metadata is fetched from).
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The audience an access token must name.</summary>
    public string Audience { get; set; } = "forum-platform-api";

    /// <summary>The claim that carries roles, one claim (or array element) per role: <c>role</c>; <c>roles</c> for Entra ID.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>Whether the metadata must come over https. Empty: everywhere but Development.</summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>
    /// The shortest time between two metadata fetches asked for by a token signed with a key the cached set lacks
    /// (a provider that rotated its keys). Keeps tokens with made-up key ids from making this process fetch on every request.
    /// </summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the metadata and keys are fetched anyway, so a key published for a coming rotation is known before it signs.</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(1);
}
