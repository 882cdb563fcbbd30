using System.Security.Cryptography;
using ForumPlatform.Database;
using ForumPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ForumPlatform.Notifications.Data;

/// <summary>
/// Who wants which events, and how they get them: a webhook URL, or none for stream-only subscribers. The
/// signing secret is kept (it signs every delivery); the management token only as a hash.
/// </summary>
public sealed class Subscription
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    /// <summary>Whom to tell when the endpoint fails (an e-mail address or similar).</summary>
    public required string Contact { get; set; }

    /// <summary>Absolute http(s) URL deliveries are POSTed to; null for a stream-only subscription.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>CloudEvents types, with <c>forum.session.*</c> style wildcards.</summary>
    public List<string> EventTypes { get; set; } = [];

    public SubscriptionFilter Filter { get; set; } = SubscriptionFilter.None;

    public SubscriptionStatus Status { get; set; } = SubscriptionStatus.Active;

    /// <summary>Why the subscription is paused or disabled, in words for its owner.</summary>
    public string? StatusReason { get; set; }

    public required string Secret { get; set; }

    /// <summary>The secret before the last rotation; deliveries carry its signature too until it expires.</summary>
    public string? PreviousSecret { get; set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }

    /// <summary>SHA-256 of the management token, hex.</summary>
    public required string ManagementTokenHash { get; set; }

    /// <summary>
    /// The <c>sub</c> of the platform token it was created with (a signed-in person), who manages it with that sign-in
    /// as well as with the management token; null for a subscription made without one.
    /// </summary>
    public string? OwnerSubject { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string Channel => WebhookUrl is null ? "stream" : "webhook";

    public bool Wants(NotificationFacts facts) =>
        EventTypes.Any(pattern => EventTypePattern.Matches(pattern, facts.Type)) && Filter.Admits(facts);

    public void RotateSecret(DateTimeOffset now, TimeSpan grace)
    {
        PreviousSecret = Secret;
        PreviousSecretExpiresAt = now + grace;
        Secret = NewSecret();
        UpdatedAt = now;
    }

    /// <summary>A Standard Webhooks secret: <c>whsec_</c> and 32 random bytes in base64.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>A bearer token for managing one subscription: <c>fpsub_</c> and 32 random bytes, base64url.</summary>
    public static string NewManagementToken() => SecretTokens.New(ManagementTokenPrefix);

    public const string ManagementTokenPrefix = "fpsub_";

    public static string HashToken(string token) => SecretTokens.Hash(token);
}

public enum SubscriptionStatus
{
    Active,

    /// <summary>Paused by its owner: deliveries are kept and sent when it is resumed.</summary>
    Paused,

    /// <summary>Disabled by the service (410 Gone, or deliveries failing for days): kept until resumed.</summary>
    Disabled,
}

/// <summary>
/// Narrows a subscription. Each non-empty list must match, but only for events that carry that attribute: a
/// track filter narrows session events and leaves articles alone. Values compare case-insensitively.
/// </summary>
public sealed record SubscriptionFilter(
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Forums,
    IReadOnlyList<string> Tracks,
    IReadOnlyList<Guid> SessionIds,
    IReadOnlyList<string> IndicatorCodes,
    IReadOnlyList<string> Languages)
{
    public static readonly SubscriptionFilter None = new([], [], [], [], [], [], []);

    public bool Admits(NotificationFacts facts) =>
        AnyOf(Tags, facts.Tags)
        && AnyOf(Themes, facts.Themes)
        && OneOf(Forums, facts.Forum)
        && OneOf(Tracks, facts.Track)
        && (SessionIds.Count == 0 || facts.SessionId is not { } session || SessionIds.Contains(session))
        && OneOf(IndicatorCodes, facts.IndicatorCode)
        && OneOf(Languages, facts.Language);

    private static bool AnyOf(IReadOnlyList<string> wanted, IReadOnlyList<string>? carried) =>
        wanted.Count == 0 || carried is null || wanted.Intersect(carried, StringComparer.OrdinalIgnoreCase).Any();

    private static bool OneOf(IReadOnlyList<string> wanted, string? carried) =>
        wanted.Count == 0 || carried is null || wanted.Contains(carried, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Event type patterns: an exact type, or a prefix ending in <c>.*</c>.</summary>
public static class EventTypePattern
{
    public static bool Matches(string pattern, string eventType) =>
        pattern.EndsWith(".*", StringComparison.Ordinal)
            ? eventType.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, eventType, StringComparison.Ordinal);

    /// <summary>Whether the pattern names at least one subscribable type.</summary>
    public static bool IsKnown(string pattern) =>
        Contracts.EventTypes.All.Any(type => Matches(pattern, type));
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.HasKey(subscription => subscription.Id);
        builder.Property(subscription => subscription.Name).HasMaxLength(200);
        builder.Property(subscription => subscription.Contact).HasMaxLength(200);
        builder.Property(subscription => subscription.WebhookUrl).HasMaxLength(2000);
        builder.Property(subscription => subscription.EventTypes).HasJsonConversion();
        builder.Property(subscription => subscription.Filter).HasJsonConversion();
        builder.Property(subscription => subscription.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(subscription => subscription.StatusReason).HasMaxLength(500);
        builder.Property(subscription => subscription.Secret).HasMaxLength(100);
        builder.Property(subscription => subscription.PreviousSecret).HasMaxLength(100);
        builder.Property(subscription => subscription.ManagementTokenHash).HasMaxLength(64);
        builder.HasIndex(subscription => subscription.ManagementTokenHash).IsUnique();
        builder.Property(subscription => subscription.OwnerSubject).HasMaxLength(200);
        builder.HasIndex(subscription => subscription.OwnerSubject);
        builder.Ignore(subscription => subscription.Channel);
    }
}
