using ForumPlatform.Articles.Content;
using ForumPlatform.Articles.Events;
using ForumPlatform.Database;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Articles.Data;

/// <summary>
/// Demo content for Development, loaded when the database has no article: the news of the Tianshan Forum 2025
/// opening, with its facts and source, and a few articles marked as sample data in en, zh and ru across the
/// forum's three tracks. They are published through the outbox like any article, so the other services see them.
/// </summary>
internal sealed class DemoArticlesSeeder(IHostEnvironment environment, MarkdownRenderer markdown) : IDatabaseSeeder<ArticlesDbContext>
{
    private const string Forum = "tianshan-forum-2025";
    private static readonly ArticleSource CarecInstitute = new("CAREC Institute", "https://www.carecinstitute.org/");
    private const string SampleNote = "\n\n*Sample data: this article was written for the ForumPlatform demo.*";

    public async Task SeedAsync(ArticlesDbContext db, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || await db.Articles.AnyAsync(cancellationToken))
        {
            return;
        }

        await using var write = await db.BeginWriteAsync(cancellationToken);
        var opening = Publish(db, new DateTimeOffset(2025, 12, 2, 3, 0, 0, TimeSpan.Zero), new ArticleContent(
            "tianshan-forum-opens-in-urumqi",
            "Tianshan Forum opens in Urumqi: unlocking connectivity and investment in Central Asia",
            "The Tianshan Forum for Central Asia Economic Cooperation, hosted by the CAREC Institute, opened in Urumqi on 2 December 2025 for two days of talks on transport, energy and digital connectivity.",
            """
            The **Tianshan Forum for Central Asia Economic Cooperation** opened in Urumqi on 2 December 2025. Hosted by the
            CAREC Institute, the two-day forum is themed *Unlocking Connectivity and Investment in Central Asia*, with
            tracks on transport, energy and digital connectivity.

            Speakers include **Lan Fo'an**, China's Minister of Finance; **Charymuhammet Shallyyev**, Director of the
            CAREC Institute; and **Ahsan Iqbal**, Pakistan's Federal Minister for Planning, Development and Special
            Initiatives.

            The forum saw the launch of a **Central Asia fiscal cooperation research center**.

            Trade between China and Central Asia reached **$94.8 billion in 2024**. Since its Urumqi base opened in
            2015, the CAREC Institute has produced more than 180 studies, trained more than 2,000 officials and run
            150 programs.
            """,
            "en", ["tianshan-forum", "carec", "trade", "fiscal-cooperation"], ["connectivity", "investment", "trade", "finance"],
            ["ForumPlatform newsroom"], [CarecInstitute], Forum, null, null));

        Publish(db, new DateTimeOffset(2025, 12, 2, 4, 0, 0, TimeSpan.Zero), new ArticleContent(
            "tianshan-forum-opens-zh",
            "天山论坛在乌鲁木齐开幕",
            "中亚区域经济合作学院主办的天山论坛于2025年12月2日在乌鲁木齐开幕。（示例译文）",
            "中亚区域经济合作学院主办的**天山论坛**于2025年12月2日在乌鲁木齐开幕，主题为“释放中亚互联互通与投资潜力”。2024年中国与中亚贸易额达**948亿美元**。" + SampleNote,
            "zh", ["tianshan-forum", "carec", "trade"], ["connectivity", "trade"], ["ForumPlatform newsroom"], [CarecInstitute], Forum, null, null),
            translationOf: opening);

        Publish(db, new DateTimeOffset(2025, 12, 2, 4, 30, 0, TimeSpan.Zero), new ArticleContent(
            "tianshan-forum-opens-ru",
            "В Урумчи открылся Тяньшаньский форум",
            "Тяньшаньский форум по экономическому сотрудничеству в Центральной Азии открылся в Урумчи 2 декабря 2025 года. (Пример перевода)",
            "Форум, организованный Институтом ЦАРЭС, посвящён теме «Раскрытие потенциала взаимосвязанности и инвестиций в Центральной Азии». Товарооборот Китая и Центральной Азии в 2024 году составил **94,8 млрд долларов**." + SampleNote,
            "ru", ["tianshan-forum", "carec", "trade"], ["connectivity", "trade"], ["ForumPlatform newsroom"], [CarecInstitute], Forum, null, null),
            translationOf: opening);

        Publish(db, new DateTimeOffset(2025, 12, 2, 7, 0, 0, TimeSpan.Zero), Sample(
            "transport-track-corridors", "Transport track: corridors across Central Asia",
            "Sample article on the forum's transport track.", ["transport", "corridors"], ["transport", "connectivity"]));
        Publish(db, new DateTimeOffset(2025, 12, 2, 9, 0, 0, TimeSpan.Zero), Sample(
            "energy-track-regional-grids", "Energy track: regional power trade",
            "Sample article on the forum's energy track.", ["energy", "power-trade"], ["energy"]));
        Publish(db, new DateTimeOffset(2025, 12, 3, 3, 0, 0, TimeSpan.Zero), Sample(
            "digital-track-connectivity", "Digital track: connecting the region",
            "Sample article on the forum's digital connectivity track.", ["digital"], ["digital", "connectivity"]));

        await write.CommitAsync(cancellationToken);
    }

    private static ArticleContent Sample(string slug, string title, string summary, string[] tags, string[] themes) => new(
        slug, $"{title} (sample)", summary,
        $"{summary} Talks at the Tianshan Forum 2025 in Urumqi covered this track." + SampleNote,
        "en", [.. tags, "tianshan-forum"], themes, ["ForumPlatform newsroom"], [], Forum, null, null);

    private Article Publish(ArticlesDbContext db, DateTimeOffset at, ArticleContent content, Article? translationOf = null)
    {
        var article = Article.Create(Guid.CreateVersion7(at), content, markdown.ToHtml(content.Body), at);
        if (translationOf is not null)
        {
            article.TranslationGroupId = translationOf.TranslationGroupId;
        }

        article.Publish(at);
        db.Articles.Add(article);
        db.Revisions.Add(ArticleRevision.Of(article, "published", Editor.DemoContent));
        db.AddEvent(OutgoingArticleEvents.Published(article, at));
        return article;
    }
}
