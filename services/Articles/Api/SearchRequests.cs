using System.ComponentModel;

namespace ForumPlatform.Articles.Api;

public sealed record SearchQuery(
    [property: Description("Words to find in title, summary and body; every word must occur.")] string? Q = null,
    [property: Description("en, zh or ru.")] string? Language = null,
    [property: Description("Page size, 1 to 50 (default 10).")] int? Limit = null,
    [property: Description("How many ranked results to skip.")] int? Offset = null);
