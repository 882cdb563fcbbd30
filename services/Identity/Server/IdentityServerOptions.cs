namespace ForumPlatform.Identity.Server;

/// <summary>The OpenID Connect server's settings (section <c>Identity</c>).</summary>
public sealed class IdentityServerOptions
{
    public const string SectionName = "Identity";

    /// <summary>
    /// The issuer named in every token and in discovery: the gateway's public address, through which browsers and
    /// clients reach the sign-in pages and endpoints. Empty: the address of each request (a stand-alone identity service).
    /// </summary>
    public Uri? Issuer { get; set; }

    /// <summary>The audience of every access token: the platform's API.</summary>
    public string Audience { get; set; } = "forum-platform-api";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a refresh token that was already exchanged may be exchanged again (a client that retried after a lost
    /// answer). Past it, a second use is taken as theft: every token of that sign-in is revoked.
    /// </summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether readers may register an account of their own.</summary>
    public bool AllowRegistration { get; set; } = true;

    public SigningKeyOptions Keys { get; set; } = new();

    /// <summary>
    /// Where the keys of cookies, anti-forgery tokens and reset links are kept, relative to the content root, so a
    /// restart, the create-admin command and other replicas (on a shared folder) read what this process wrote.
    /// </summary>
    public string DataProtectionDirectory { get; set; } = "data/data-protection";

    public WebClientOptions WebClient { get; set; } = new();

    public SignInLimitOptions SignInLimits { get; set; } = new();
}

/// <summary>
/// The keys tokens are signed and encrypted with (section <c>Identity:Keys</c>). In Development they are generated
/// once into <see cref="DevelopmentDirectory"/>; elsewhere they are certificate files.
/// </summary>
public sealed class SigningKeyOptions
{
    /// <summary>Where Development keeps its generated keys, relative to the content root; never committed.</summary>
    public string DevelopmentDirectory { get; set; } = "data/keys";

    /// <summary>
    /// Signing certificates (PEM with its key beside it, or PKCS#12), current and next. A certificate whose
    /// validity has not begun is published in the JWKS but does not sign; OpenIddict picks the signing certificate at
    /// start-up, so the next one signs from the first restart after its validity begins: the rotation.
    /// </summary>
    public List<CertificateFile> SigningCertificates { get; set; } = [];

    /// <summary>Certificates that encrypt what only this service reads (authorization codes, refresh tokens).</summary>
    public List<CertificateFile> EncryptionCertificates { get; set; } = [];
}

/// <summary>A certificate on disk: <c>Path</c> (PEM or .pfx), and <c>KeyPath</c> or <c>Password</c> as the format needs.</summary>
public sealed class CertificateFile
{
    public string Path { get; set; } = "";

    public string? KeyPath { get; set; }

    public string? Password { get; set; }
}

/// <summary>The forum's website, a confidential client using the authorization code flow with PKCE.</summary>
public sealed class WebClientOptions
{
    public string ClientId { get; set; } = "forum-web";

    /// <summary>Its secret. Required outside Development once redirect URIs are set.</summary>
    public string? ClientSecret { get; set; }

    public string DisplayName { get; set; } = "Tianshan Forum website";

    /// <summary>Where the website receives the code; the app host sets them, since ports differ per run.</summary>
    public List<Uri> RedirectUris { get; set; } = [];

    public List<Uri> PostLogoutRedirectUris { get; set; } = [];
}

/// <summary>Sign-in attempts allowed per window, per remote address and per account name (section <c>Identity:SignInLimits</c>).</summary>
public sealed class SignInLimitOptions
{
    public int PerAddress { get; set; } = 30;

    public int PerAccount { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}
