using ForumPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Agenda.Data;

/// <summary>
/// The Tianshan Forum 2025 as reported in the news: Urumqi, 2–3 December 2025, hosted by the CAREC Institute.
/// Loaded once, when the forum is not there yet.
/// </summary>
internal sealed class DemoForumSeeder : IDatabaseSeeder<AgendaDbContext>
{
    public const string Slug = "tianshan-forum-2025";

    public async Task SeedAsync(AgendaDbContext db, CancellationToken cancellationToken)
    {
        if (await db.Forums.AnyAsync(forum => forum.Slug == Slug, cancellationToken))
        {
            return;
        }

        db.Forums.Add(new Forum
        {
            Id = Guid.Parse("0193a3c0-0000-7000-8000-000000002025"),
            Slug = Slug,
            Name = "Tianshan Forum for Central Asia Economic Cooperation 2025",
            Theme = "Unlocking Connectivity and Investment in Central Asia",
            HostOrganization = "CAREC Institute",
            City = "Urumqi",
            Venue = "",
            StartDate = new DateOnly(2025, 12, 2),
            EndDate = new DateOnly(2025, 12, 3),
            // Urumqi officially keeps Beijing time.
            TimeZone = "Asia/Shanghai",
            Description = "Two days on transport, energy and digital connectivity across Central Asia, "
                + "with ministers and directors of the region as speakers.",
            Languages = ["en", "zh", "ru"],
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
