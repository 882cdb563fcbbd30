using ForumPlatform.Testing;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>One running system shared by every end-to-end test; tests create their own data and never rely on counts.</summary>
public sealed class ForumPlatformFixture : IAsyncLifetime
{
    private RunningForumPlatform? system;

    private RunningForumPlatform System => system ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => system = await RunningForumPlatform.StartAsync();

    public HttpClient Gateway(string? role = null) => System.Gateway(role);

    public HttpClient Client(string resource, string? role = null) => System.Client(resource, role);

    public async Task DisposeAsync()
    {
        if (system is not null)
        {
            await system.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ForumPlatformCollection : ICollectionFixture<ForumPlatformFixture>
{
    public const string Name = "ForumPlatform";
}
