namespace ForumPlatform.Articles.Data;

/// <summary>The documented limits and vocabularies of article content.</summary>
public static class ArticleLimits
{
    public const int MaxTitleLength = 300;
    public const int MinTitleLength = 3;
    public const int MaxSummaryLength = 1_000;

    /// <summary>Markdown characters; a long feature is about 30,000.</summary>
    public const int MaxBodyLength = 200_000;

    public const int MaxTags = 20;
    public const int MaxTagLength = 50;
    public const int MaxAuthors = 20;
    public const int MaxSources = 50;

    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "en", "zh", "ru" };

    /// <summary>The forum's themes: its tracks and the economic areas it covers.</summary>
    public static readonly IReadOnlySet<string> Themes = new HashSet<string>(StringComparer.Ordinal)
    {
        "transport", "energy", "digital", "trade", "finance", "investment", "connectivity",
    };
}
