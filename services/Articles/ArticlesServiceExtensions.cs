using ForumPlatform.Articles.Content;
using ForumPlatform.Articles.Data;
using ForumPlatform.Articles.Publishing;
using ForumPlatform.Database;
using ForumPlatform.Messaging;
using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.Articles;

public static class ArticlesServiceExtensions
{
    /// <summary>What the articles service consists of: its database, Markdown rendering, the scheduler, messaging, API documents.</summary>
    public static IHostApplicationBuilder AddArticlesService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ArticlesDbContext>("articles");
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddScoped<IDatabaseSeeder<ArticlesDbContext>, DemoArticlesSeeder>();
        builder.Services.Configure<SchedulingOptions>(builder.Configuration.GetSection(SchedulingOptions.SectionName));
        builder.Services.AddHostedService<ScheduledPublisher>();
        builder.AddForumMessaging<ArticlesDbContext>("articles");
        builder.Services.AddForumOpenApi(
            "News of the forum: articles in several languages that editors draft, schedule, publish, update and retract, with their revisions, tags, search, and RSS and Atom feeds.",
            new Dictionary<string, string>
            {
                ["id"] = "The article's id.",
                ["tag"] = "A tag, lower-case.",
                ["number"] = "The revision number, from 1.",
            });
        return builder;
    }
}
