using ForumPlatform.Agenda.Data;
using ForumPlatform.Agenda.Releases;

namespace ForumPlatform.Agenda.Api;

public sealed record ForumDay(DateOnly Date, int Sessions);

public sealed record ReleaseSummary(
    string Version, string? Comment, DateTimeOffset ReleasedAt, int NewSessions, int MovedSessions, int CancelledSessions,
    IReadOnlyList<ScheduleChange> Changes)
{
    public static ReleaseSummary From(ScheduleRelease release) => new(
        release.Version, release.Comment, release.ReleasedAt,
        release.Changes.Count(c => c.Kind == ChangeKinds.New),
        release.Changes.Count(c => c.Kind == ChangeKinds.Moved),
        release.Changes.Count(c => c.Kind == ChangeKinds.Cancelled),
        release.Changes);
}
