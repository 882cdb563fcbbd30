using ForumPlatform.Articles.Data;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.Articles.Tests;

/// <summary>The articles service on a real SQLite file and a private RabbitMQ node, its scheduler checking often.</summary>
public sealed class ArticlesServiceFixture : ServiceFixture<ArticlesDbContext>
{
    public ArticlesServiceFixture()
        : base("articles")
    {
    }

    /// <summary>Another instance of the service on an existing database and broker, as after a restart.</summary>
    internal ArticlesServiceFixture(string databasePath, RabbitMqNode broker)
        : base("articles", databasePath, broker)
    {
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Articles:Scheduling:CheckInterval", "00:00:00.200")];

    public HttpClient Editor() => ClientFor(ForumRoles.Editor);

    public Task<T> WithDbAsync<T>(Func<ArticlesDbContext, Task<T>> query) => WithServiceAsync(query);
}
