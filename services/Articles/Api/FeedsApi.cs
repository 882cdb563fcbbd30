using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using ForumPlatform.Articles.Data;
using ForumPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace ForumPlatform.Articles.Api;

/// <summary>
/// RSS 2.0 and Atom 1.0 feeds of the latest public articles, for all articles and per tag: absolute links,
/// stable guids (<c>urn:uuid:</c> of the article), RFC 822 / RFC 3339 dates, tags and themes as categories.
/// A retracted article that stays readable stays in the feed, titled as retracted with its reason, so readers
/// that already have the item see the retraction.
/// </summary>
public static class FeedsApi
{
    private const int FeedSize = 50;

    public static RouteGroupBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/articles").WithTags("Articles");
        api.MapGet("/feed.rss", (HttpContext http, ArticlesDbContext db, CancellationToken ct) => WriteAsync(http, db, null, Format.Rss, ct))
            .WithName("ArticlesRss").WithSummary("RSS 2.0 feed of the latest public articles.")
            .Produces(StatusCodes.Status200OK, contentType: "application/rss+xml").Produces(StatusCodes.Status304NotModified);
        api.MapGet("/feed.atom", (HttpContext http, ArticlesDbContext db, CancellationToken ct) => WriteAsync(http, db, null, Format.Atom, ct))
            .WithName("ArticlesAtom").WithSummary("Atom feed of the latest public articles.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml").Produces(StatusCodes.Status304NotModified);
        api.MapGet("/tags/{tag}/feed.rss", (string tag, HttpContext http, ArticlesDbContext db, CancellationToken ct) => WriteAsync(http, db, tag, Format.Rss, ct))
            .WithName("TagRss").WithSummary("RSS 2.0 feed of the latest public articles with one tag.")
            .Produces(StatusCodes.Status200OK, contentType: "application/rss+xml").Produces(StatusCodes.Status304NotModified);
        api.MapGet("/tags/{tag}/feed.atom", (string tag, HttpContext http, ArticlesDbContext db, CancellationToken ct) => WriteAsync(http, db, tag, Format.Atom, ct))
            .WithName("TagAtom").WithSummary("Atom feed of the latest public articles with one tag.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml").Produces(StatusCodes.Status304NotModified);
        return api;
    }

    private enum Format
    {
        Rss,
        Atom,
    }

    private static async Task WriteAsync(HttpContext http, ArticlesDbContext db, string? tag, Format format, CancellationToken cancellationToken)
    {
        var normalizedTag = tag?.Trim().ToLowerInvariant();
        var query = db.Articles.AsNoTracking().Where(a => a.IsPublic);
        if (normalizedTag is not null)
        {
            query = query.Where(a => a.Tags.Contains(normalizedTag));
        }

        var articles = await query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Slug).Take(FeedSize).ToListAsync(cancellationToken);
        var updated = articles.Count == 0 ? DateTimeOffset.UnixEpoch : articles.Max(a => a.UpdatedAt);

        // Which articles are listed, and each one's last change: any change to the feed changes this, including an
        // article leaving a full feed while an older one takes its place. Stable across restarts and replicas.
        var listed = string.Join(',', articles.Select(article => $"{article.Id:N}:{article.UpdatedAt.UtcTicks}"));
        var etag = ConditionalGet.ETagOf($"{format}|{listed}");
        http.Response.GetTypedHeaders().LastModified = updated;
        if (ConditionalGet.IsNotModified(http, etag))
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        var feed = BuildFeed(articles, normalizedTag, origin, format, updated);
        http.Response.ContentType = format == Format.Rss ? "application/rss+xml; charset=utf-8" : "application/atom+xml; charset=utf-8";

        // The syndication writers are synchronous; render to memory, then send.
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            SyndicationFeedFormatter formatter = format == Format.Rss ? new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: false) : new Atom10FeedFormatter(feed);
            formatter.WriteTo(writer);
        }

        await http.Response.Body.WriteAsync(buffer.ToArray(), cancellationToken);
    }

    private static SyndicationFeed BuildFeed(List<Article> articles, string? tag, string origin, Format format, DateTimeOffset updated)
    {
        var selfPath = tag is null ? $"/api/articles/feed.{Extension(format)}" : $"/api/articles/tags/{Uri.EscapeDataString(tag)}/feed.{Extension(format)}";
        var feed = new SyndicationFeed(
            tag is null ? "Forum news" : $"Forum news: {tag}",
            "News and press releases of the forum.",
            new Uri($"{origin}/api/articles{(tag is null ? "" : $"?tag={Uri.EscapeDataString(tag)}")}"))
        {
            // The same id however the feed is reached (through the gateway or not, http or https), as Atom requires.
            Id = $"urn:uuid:{NameBasedId(selfPath)}",
            LastUpdatedTime = updated,
            Generator = "ForumPlatform",
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri($"{origin}{selfPath}")));
        if (format == Format.Atom)
        {
            // Atom needs an author on the feed when an entry has none (an article may list no authors).
            feed.Authors.Add(new SyndicationPerson { Name = "Forum newsroom" });
        }

        feed.Items = articles.Select(article =>
        {
            var link = new Uri($"{origin}/api/articles/{article.Slug}");
            var retracted = article.Status == ArticleStatus.Retracted;
            var item = new SyndicationItem(
                retracted ? $"Retracted: {article.Title}" : article.Title,
                retracted ? $"Retracted: {article.RetractionReason}" : article.Summary,
                link, $"urn:uuid:{article.Id}", article.UpdatedAt)
            {
                PublishDate = article.PublishedAt!.Value,
            };
            if (format == Format.Atom)
            {
                item.Content = SyndicationContent.CreateHtmlContent(article.BodyHtml);
            }

            foreach (var author in article.Authors)
            {
                item.Authors.Add(new SyndicationPerson { Name = author });
            }

            foreach (var category in article.Tags.Concat(article.Themes).Distinct())
            {
                item.Categories.Add(new SyndicationCategory(category));
            }

            return item;
        }).ToList();
        return feed;
    }

    private static string Extension(Format format) => format == Format.Rss ? "rss" : "atom";

    /// <summary>A UUID that depends only on <paramref name="name"/> (the SHA-1 of it, marked as a name-based UUID).</summary>
    private static Guid NameBasedId(string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes($"forumplatform:{name}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
