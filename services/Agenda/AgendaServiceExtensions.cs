using ForumPlatform.Agenda.Consumers;
using ForumPlatform.Agenda.Data;
using ForumPlatform.Agenda.Releases;
using ForumPlatform.Database;
using ForumPlatform.Messaging;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.Agenda;

public static class AgendaServiceExtensions
{
    /// <summary>What the agenda service consists of: its database with the demo forum, messaging (it hears of deleted accounts), API documents.</summary>
    public static IHostApplicationBuilder AddAgendaService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AgendaDbContext>("agenda");
        builder.Services.AddScoped<IDatabaseSeeder<AgendaDbContext>, DemoForumSeeder>();
        builder.Services.AddScoped<ScheduleReleaser>();
        builder.Services.AddScoped<PublishedSchedules>();
        builder.Services.AddMemoryCache();
        builder.AddForumMessaging<AgendaDbContext>("agenda", bus => bus.AddConsumer<AccountDeletedConsumer>());
        builder.Services.AddForumOpenApi(
            "The forum programme: forums, days, rooms, tracks, sessions and speakers, edited in a working copy and published as releases, with the schedule as JSON, the public schedule XML and JSON formats, and iCalendar.",
            new Dictionary<string, string>
            {
                ["slug"] = "The forum's slug, e.g. tianshan-forum-2025.",
                ["sessions/id"] = "The session's id.",
                ["speakers/id"] = "The speaker's id.",
                ["tracks/id"] = "The track's id.",
                ["rooms/id"] = "The room's id.",
                ["tracks/track"] = "The track's slug.",
                ["version"] = "A released schedule version (major.minor); the latest when left out.",
                ["forum"] = "Only the stars in this forum (its slug); all of them when left out.",
                ["sessionId"] = "The id of a released session.",
                ["token"] = "The secret of a calendar feed's address, as POST /api/agenda/me/calendar answered it.",
            });
        return builder;
    }
}
