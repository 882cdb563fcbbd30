using ForumPlatform.Agenda.Data;
using ForumPlatform.Agenda.Releases;
using ForumPlatform.Messaging;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.Agenda;

public static class AgendaServiceExtensions
{
    /// <summary>What the agenda service consists of: its database with the demo forum, messaging, API documents.</summary>
    public static IHostApplicationBuilder AddAgendaService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AgendaDbContext>("agenda");
        builder.Services.AddScoped<IDatabaseSeeder<AgendaDbContext>, DemoForumSeeder>();
        builder.Services.AddScoped<ScheduleReleaser>();
        builder.Services.AddScoped<PublishedSchedules>();
        builder.Services.AddMemoryCache();
        builder.AddForumMessaging<AgendaDbContext>("agenda");
        builder.Services.AddForumOpenApi();
        return builder;
    }
}
