namespace ForumPlatform.Contracts;

/// <summary>
/// What every domain event carries. The event id is also the broker message id, so a consumer's inbox
/// and a subscriber's de-duplication see the same identity on every redelivery.
/// </summary>
public interface IForumEvent
{
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }
}

/// <summary>A field whose value an edit changed, with both values as shown to people.</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);
