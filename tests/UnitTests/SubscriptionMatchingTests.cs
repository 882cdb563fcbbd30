using ForumPlatform.Notifications.Data;

namespace ForumPlatform.UnitTests;

public sealed class SubscriptionMatchingTests
{
    private static Subscription Subscribe(string[] eventTypes, string[]? tags = null) => new()
    {
        Name = "sample subscriber",
        EventTypes = [.. eventTypes],
        Tags = [.. tags ?? []],
    };

    [Fact]
    public void Wildcard_matches_every_type_under_its_prefix_only()
    {
        var subscription = Subscribe(["forum.session.*"]);
        Assert.True(subscription.Wants("forum.session.rescheduled", []));
        Assert.False(subscription.Wants("forum.schedule.released", []));
        Assert.False(subscription.Wants("forum.article.published", []));
    }

    [Fact]
    public void Tag_filter_needs_one_shared_tag()
    {
        var subscription = Subscribe(["forum.article.published"], ["energy"]);
        Assert.True(subscription.Wants("forum.article.published", ["transport", "energy"]));
        Assert.False(subscription.Wants("forum.article.published", ["transport"]));
    }

    [Fact]
    public void Paused_subscription_wants_nothing()
    {
        var subscription = Subscribe(["forum.article.published"]);
        subscription.Active = false;
        Assert.False(subscription.Wants("forum.article.published", []));
    }
}
