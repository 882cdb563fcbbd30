namespace ForumPlatform.Articles.Api;

/// <summary>A search result: the article, and a snippet whose matches are wrapped in &lt;mark&gt; (the rest is escaped).</summary>
public sealed record SearchHit(ArticleSummary Article, string Snippet, double Rank);

public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, int? NextOffset);
