using ForumPlatform.Articles.Data;

namespace ForumPlatform.UnitTests;

public sealed class ArticleStateTests
{
    private static readonly DateTimeOffset Now = new(2025, 12, 2, 1, 0, 0, TimeSpan.Zero);

    private static Article NewDraft() => Article.Create(Guid.CreateVersion7(), new ArticleContent(
        "tianshan-forum-opens", "Tianshan Forum opens", "", "", "en", ["trade"], [], ["Sample Reporter"], [], null, null, null), "", Now);

    [Fact]
    public void Draft_goes_through_schedule_publish_and_retract()
    {
        var article = NewDraft();
        article.Schedule(Now.AddHours(1), Now);
        Assert.Equal(ArticleStatus.Scheduled, article.Status);

        article.Publish(Now.AddHours(1));
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Null(article.ScheduledFor);
        Assert.True(article.IsPublic);

        article.Retract("Wrong figures.", hide: false, Now.AddHours(2));
        Assert.Equal(ArticleStatus.Retracted, article.Status);
        Assert.True(article.IsPublic);
        Assert.Equal(4, article.Revision);
    }

    [Fact]
    public void Unpublishing_a_published_article_reports_that_it_had_been_public()
    {
        var article = NewDraft();
        article.Publish(Now);
        Assert.True(article.Unpublish(Now));
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.PublishedAt);
    }

    [Fact]
    public void Forbidden_transitions_throw_and_change_nothing()
    {
        var article = NewDraft();
        Assert.Throws<ArticleStateException>(() => article.Retract("No.", false, Now));
        Assert.Throws<ArticleStateException>(() => article.Unpublish(Now));
        Assert.Throws<ArticleRuleException>(() => article.Schedule(Now.AddMinutes(-1), Now));

        article.Publish(Now);
        Assert.Throws<ArticleStateException>(() => article.Publish(Now));
        Assert.Throws<ArticleStateException>(() => article.EnsureDeletable());
        Assert.Throws<ArticleRuleException>(() => article.Retract(" ", false, Now));
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(2, article.Revision);
    }

    [Fact]
    public void Edit_reports_only_the_fields_that_changed()
    {
        var article = NewDraft();
        var changes = article.Edit(article.Content with { Title = "Tianshan Forum opens in Urumqi", Tags = ["trade", "energy"] }, "", Now);
        Assert.Equal(["title", "tags"], changes.Select(change => change.Field));
        Assert.Empty(article.Edit(article.Content, "", Now));
    }
}
