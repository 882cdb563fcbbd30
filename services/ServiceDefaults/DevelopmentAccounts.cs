namespace ForumPlatform.ServiceDefaults;

/// <summary>
/// The accounts the identity service seeds in Development only, one person and one machine client per role, with
/// credentials everyone who reads this repository knows (the README lists them). Nothing creates them elsewhere.
/// </summary>
public static class DevelopmentAccounts
{
    public static string Email(string role) => $"{role}@forum.local";

    public static string Password(string role) => $"Dev-{role}-2025!";

    public static string ClientId(string role) => $"dev-{role}";

    public static string ClientSecret(string role) => $"dev-{role}-secret";

    /// <summary>The website's client (<c>forum-web</c>) secret, when none is configured.</summary>
    public const string WebClientSecret = "forum-web-development-secret";
}
