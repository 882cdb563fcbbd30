namespace ForumPlatform.Contracts;

// Identity events are for the platform's own services, never for subscribers: they are about people.

/// <summary>
/// A person deleted their account. Services that keep anything by the person's <c>sub</c> (the agenda's stars and
/// calendar feed) delete it.
/// </summary>
public sealed record AccountDeleted(Guid EventId, DateTimeOffset OccurredAt, string Subject) : IForumEvent;
