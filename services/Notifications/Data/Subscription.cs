using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Notifications.Data;

/// <summary>Who wants which events: event types (with <c>forum.session.*</c> wildcards) and optional tag filter.</summary>
public sealed class Subscription
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public List<string> EventTypes { get; set; } = [];

    /// <summary>Empty means every tag.</summary>
    public List<string> Tags { get; set; } = [];

    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; init; }

    public bool Wants(string eventType, IReadOnlyCollection<string> eventTags) =>
        Active
        && EventTypes.Any(pattern => Matches(pattern, eventType))
        && (Tags.Count == 0 || Tags.Intersect(eventTags, StringComparer.OrdinalIgnoreCase).Any());

    private static bool Matches(string pattern, string eventType) =>
        pattern.EndsWith(".*", StringComparison.Ordinal)
            ? eventType.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, eventType, StringComparison.Ordinal);
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.HasKey(subscription => subscription.Id);
        builder.Property(subscription => subscription.Name).HasMaxLength(200);
    }
}
