using ForumPlatform.Contracts;
using ForumPlatform.Notifications.Data;

namespace ForumPlatform.UnitTests;

public sealed class SubscriptionMatchingTests
{
    private static Subscription Subscribe(string[] eventTypes, SubscriptionFilter? filter = null) => new()
    {
        Name = "sample subscriber",
        Contact = "ops@example.org",
        EventTypes = [.. eventTypes],
        Filter = filter ?? SubscriptionFilter.None,
        Secret = Subscription.NewSecret(),
        ManagementTokenHash = "unused",
    };

    [Fact]
    public void Wildcard_matches_every_type_under_its_prefix_only()
    {
        var subscription = Subscribe(["forum.session.*"]);
        Assert.True(subscription.Wants(new NotificationFacts(EventTypes.SessionRescheduled)));
        Assert.False(subscription.Wants(new NotificationFacts(EventTypes.ScheduleReleased)));
        Assert.False(subscription.Wants(new NotificationFacts(EventTypes.ArticlePublished)));
    }

    [Fact]
    public void Tag_filter_needs_one_shared_tag_ignoring_case()
    {
        var subscription = Subscribe([EventTypes.ArticlePublished], SubscriptionFilter.None with { Tags = ["energy"] });
        Assert.True(subscription.Wants(new NotificationFacts(EventTypes.ArticlePublished, Tags: ["transport", "Energy"])));
        Assert.False(subscription.Wants(new NotificationFacts(EventTypes.ArticlePublished, Tags: ["transport"])));
        Assert.False(subscription.Wants(new NotificationFacts(EventTypes.ArticlePublished, Tags: [])));
    }

    [Fact]
    public void A_filter_only_narrows_events_that_carry_its_attribute()
    {
        var subscription = Subscribe(["forum.*"], SubscriptionFilter.None with { Tracks = ["digital-connectivity"] });
        Assert.True(subscription.Wants(new NotificationFacts(EventTypes.ArticlePublished, Tags: ["energy"])));
        Assert.True(subscription.Wants(new NotificationFacts(EventTypes.SessionScheduled, Track: "digital-connectivity")));
        Assert.False(subscription.Wants(new NotificationFacts(EventTypes.SessionScheduled, Track: "fiscal-cooperation")));
    }

    [Fact]
    public void Session_and_indicator_filters()
    {
        var session = Guid.NewGuid();
        var subscription = Subscribe(["forum.*"], SubscriptionFilter.None with { SessionIds = [session], IndicatorCodes = ["trade.total.usd"] });
        Assert.True(subscription.Wants(new NotificationFacts(EventTypes.SessionCancelled, SessionId: session)));
        Assert.False(subscription.Wants(new NotificationFacts(EventTypes.SessionCancelled, SessionId: Guid.NewGuid())));
        Assert.True(subscription.Wants(new NotificationFacts(EventTypes.IndicatorUpdated, IndicatorCode: "trade.total.usd")));
        Assert.False(subscription.Wants(new NotificationFacts(EventTypes.IndicatorUpdated, IndicatorCode: "carec.studies.count")));
    }

    [Theory]
    [InlineData("forum.article.published", true)]
    [InlineData("forum.session.*", true)]
    [InlineData("forum.*", true)]
    [InlineData("forum.ping", false)]
    [InlineData("forum.article", false)]
    [InlineData("forum.nothing.*", false)]
    public void Only_patterns_naming_subscribable_types_are_known(string pattern, bool known) =>
        Assert.Equal(known, EventTypePattern.IsKnown(pattern));
}
