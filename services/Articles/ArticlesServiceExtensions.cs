using ForumPlatform.Articles.Data;
using ForumPlatform.Messaging;

namespace ForumPlatform.Articles;

public static class ArticlesServiceExtensions
{
    /// <summary>What the articles service consists of: its database, its messaging and its API documents.</summary>
    public static IHostApplicationBuilder AddArticlesService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ArticlesDbContext>("articles");
        builder.AddForumMessaging<ArticlesDbContext>("articles");
        builder.Services.AddValidation();
        builder.Services.AddOpenApi();
        return builder;
    }
}
