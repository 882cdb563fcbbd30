using ForumPlatform.Testing;

namespace ForumPlatform.Messaging.Tests;

/// <summary>One private RabbitMQ node shared by the tests of a class.</summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    public RabbitMqNode Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await RabbitMqNode.StartNewAsync();

    public async Task DisposeAsync() => await Node.DisposeAsync();
}
