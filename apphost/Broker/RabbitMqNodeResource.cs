using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;

namespace ForumPlatform.AppHost.Broker;

/// <summary>
/// A private RabbitMQ node of Debian's rabbitmq-server package, run by <c>eng/rabbitmq-node.sh</c> as an
/// executable resource: its own node name, ports (on 127.0.0.1) and data folder, stopped with the app host.
/// </summary>
public sealed class RabbitMqNodeResource(string name, string script, string dataDirectory, int amqpPort)
    : ExecutableResource(name, script, dataDirectory), IResourceWithConnectionString
{
    public const string ServerPath = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public static bool IsInstalled => File.Exists(ServerPath);

    public int AmqpPort { get; } = amqpPort;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{$"amqp://guest:guest@127.0.0.1:{AmqpPort}/"}");
}

public static class RabbitMqNodeBuilderExtensions
{
    /// <summary>
    /// Adds the node. Its data folder is <c>Broker:DataDirectory</c> (default <c>apphost/data/broker</c>, kept
    /// between runs so queued messages survive a restart); ports are free ones picked at start.
    /// </summary>
    public static IResourceBuilder<RabbitMqNodeResource> AddRabbitMqNode(this IDistributedApplicationBuilder builder, string name)
    {
        var dataDirectory = Path.GetFullPath(builder.Configuration["Broker:DataDirectory"]
            ?? Path.Combine(builder.AppHostDirectory, "data", "broker"));
        Directory.CreateDirectory(dataDirectory);
        var script = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "eng", "rabbitmq-node.sh"));

        int amqpPort = LoopbackPorts.Free(), managementPort = LoopbackPorts.Free(), distPort = LoopbackPorts.Free(), epmdPort = LoopbackPorts.Free();
        var node = new RabbitMqNodeResource(name, script, dataDirectory, amqpPort);

        var healthCheckKey = $"{name}-amqp";
        builder.Services.AddHealthChecks().AddCheck(healthCheckKey, new AmqpHandshakeHealthCheck(IPAddress.Loopback, amqpPort));

        return builder.AddResource(node)
            .WithArgs(dataDirectory, amqpPort.ToString(), managementPort.ToString(), distPort.ToString(), epmdPort.ToString())
            .WithEndpoint(port: amqpPort, targetPort: amqpPort, scheme: "amqp", name: "amqp", isProxied: false)
            .WithEndpoint(port: managementPort, targetPort: managementPort, scheme: "http", name: "management", isProxied: false)
            .WithUrlForEndpoint("management", url => url.DisplayText = "Management UI (guest/guest)")
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Mailbox")
            .ExcludeFromManifest();
    }
}

public static class LoopbackPorts
{
    /// <summary>A TCP port free on 127.0.0.1 right now (the OS picks it; a small race remains until it is bound).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
