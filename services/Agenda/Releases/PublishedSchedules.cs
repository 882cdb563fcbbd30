using ForumPlatform.Agenda.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ForumPlatform.Agenda.Releases;

/// <summary>A release as the public reads it, with the identity that makes its ETag.</summary>
public sealed record ReleaseView(Guid ReleaseId, string Version, PublishedSchedule Schedule);

/// <summary>
/// Finds the latest (or a named) release of a forum. Releases never change, so a parsed schedule is cached by
/// release id and a read costs one indexed lookup.
/// </summary>
public sealed class PublishedSchedules(AgendaDbContext db, IMemoryCache cache)
{
    public async Task<ReleaseView?> FindAsync(string forumSlug, string? version, CancellationToken cancellationToken)
    {
        var releases = db.Releases.AsNoTracking()
            .Join(db.Forums.Where(f => f.Slug == forumSlug), r => r.ForumId, f => f.Id, (r, _) => r);
        var head = await (version is null ? releases.OrderByDescending(r => r.Sequence) : releases.Where(r => r.Version == version))
            .Select(r => new { r.Id, r.Version })
            .FirstOrDefaultAsync(cancellationToken);
        if (head is null)
        {
            return null;
        }

        var schedule = await cache.GetOrCreateAsync(head.Id, async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return await db.Releases.AsNoTracking().Where(r => r.Id == head.Id).Select(r => r.Schedule).SingleAsync(cancellationToken);
        });
        return new ReleaseView(head.Id, head.Version, schedule!);
    }
}
