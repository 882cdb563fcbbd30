using System.Globalization;
using System.Text;
using System.Xml;
using ForumPlatform.Web.Api;

namespace ForumPlatform.Web.Seo;

/// <summary>
/// <c>/sitemap.xml</c>, every public page (the sitemaps.org protocol), and <c>/robots.txt</c>, which names it. The sitemap
/// is built from the API at most every few minutes, with the website's own calls: crawlers get the kept one.
/// </summary>
public sealed class Sitemap(IServiceScopeFactory scopes, TimeProvider clock, ILogger<Sitemap> logger)
{
    /// <summary>The protocol's limit for one sitemap file.</summary>
    public const int MaxUrls = 50_000;
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(5);
    private static readonly string[] FixedPages = ["/", "/news", "/agenda", "/agenda/changes", "/figures", "/subscribe"];
    private readonly SemaphoreSlim building = new(1, 1);
    private (DateTimeOffset BuiltAt, string Xml)? kept;

    public static void Map(WebApplication app)
    {
        app.MapGet("/sitemap.xml", async (HttpContext http, Sitemap sitemap, CancellationToken cancellationToken) =>
            Results.Text(await sitemap.XmlAsync(BaseUri(http), cancellationToken), "application/xml; charset=utf-8"));
        app.MapGet("/robots.txt", (HttpContext http) =>
            Results.Text($"User-agent: *\nAllow: /\nDisallow: /news/search\n\nSitemap: {BaseUri(http)}/sitemap.xml\n", "text/plain; charset=utf-8"));
    }

    private static string BaseUri(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    public async Task<string> XmlAsync(string baseUri, CancellationToken cancellationToken)
    {
        if (kept is { } fresh && clock.GetUtcNow() - fresh.BuiltAt < KeptFor)
        {
            return fresh.Xml.Replace("{base}", baseUri, StringComparison.Ordinal);
        }

        await building.WaitAsync(cancellationToken);
        try
        {
            if (kept is not { } current || clock.GetUtcNow() - current.BuiltAt >= KeptFor)
            {
                kept = (clock.GetUtcNow(), await BuildAsync(cancellationToken));
            }

            return kept.Value.Xml.Replace("{base}", baseUri, StringComparison.Ordinal);
        }
        finally
        {
            building.Release();
        }
    }

    /// <summary>The sitemap with "{base}" where the site's address goes (it depends on how the request came in).</summary>
    private async Task<string> BuildAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<ForumApi>();
        using var own = ForumApi.AsWebsite();
        var pages = new List<(string Path, DateTimeOffset? Modified)>(FixedPages.Select(path => (path, (DateTimeOffset?)null)));
        var tags = new SortedSet<string>(StringComparer.Ordinal);

        string? cursor = null;
        do
        {
            var page = await api.ArticlesAsync(new ArticleFilter(Cursor: cursor), 100, cancellationToken);
            if (!page.IsOk)
            {
                logger.LogWarning("The sitemap lists no articles beyond here: the articles answered {Status}.", page.Status);
                break;
            }

            foreach (var article in page.Value!.Items)
            {
                pages.Add(($"/news/{article.Slug}", article.PublishedAt));
                tags.UnionWith(article.Tags);
            }

            cursor = page.Value.NextCursor;
        }
        while (cursor is not null && pages.Count < MaxUrls);

        pages.AddRange(tags.Select(tag => ($"/news/tags/{Uri.EscapeDataString(tag)}", (DateTimeOffset?)null)));
        if (await api.CurrentScheduleAsync(cancellationToken) is { IsOk: true } schedule)
        {
            pages.AddRange(schedule.Value!.Sessions.Select(session => ($"/agenda/sessions/{session.Id}", (DateTimeOffset?)schedule.Value.ReleasedAt)));
            pages.AddRange(schedule.Value.Speakers.Select(speaker => ($"/agenda/speakers/{speaker.Id}", (DateTimeOffset?)null)));
        }

        if (await api.IndicatorsAsync(cancellationToken) is { IsOk: true } indicators)
        {
            pages.AddRange(indicators.Value!.Select(indicator => ($"/figures/{Uri.EscapeDataString(indicator.Code)}", (DateTimeOffset?)null)));
        }

        using var bytes = new MemoryStream();
        using (var xml = XmlWriter.Create(bytes, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var (path, modified) in pages.Take(MaxUrls))
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", "{base}" + path);
                if (modified is { } at)
                {
                    xml.WriteElementString("lastmod", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
