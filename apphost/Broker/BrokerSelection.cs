using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace ForumPlatform.AppHost.Broker;

public static class BrokerSelection
{
    /// <summary>
    /// The RabbitMQ broker every service uses, chosen in this order:
    /// a <c>ConnectionStrings:{name}</c> in configuration; else a private node of Debian's rabbitmq-server when it
    /// is installed; else Aspire's RabbitMQ container when a container runtime answers; else none, which stops
    /// the app host with a message saying how to get one. The dashboard shows which (resource type and properties).
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddMessagingBroker(
        this IDistributedApplicationBuilder builder, string name)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)))
        {
            Announce($"the broker configured in ConnectionStrings:{name}");
            return builder.AddConnectionString(name);
        }

        if (RabbitMqNodeResource.IsInstalled)
        {
            Announce("a private node of Debian's rabbitmq-server (an executable resource)");
            return builder.AddRabbitMqNode(name);
        }

        if (ContainerRuntimeAnswers())
        {
            Announce("Aspire's RabbitMQ container");
            return builder.AddRabbitMQ(name).WithManagementPlugin();
        }

        throw new BrokerUnavailableException(
            $"""
            ForumPlatform needs a RabbitMQ broker and found none:
              - no ConnectionStrings:{name} is configured,
              - Debian's rabbitmq-server is not installed ({RabbitMqNodeResource.ServerPath} is missing),
              - no container runtime answers (docker info failed).
            Get one of them, e.g.:
              sudo apt-get install -y rabbitmq-server        (./run.sh does this for you), or
              dotnet run --project apphost -- --ConnectionStrings:{name}=amqp://guest:guest@localhost:5672/
            """);
    }

    private static void Announce(string choice) => Console.WriteLine($"ForumPlatform broker: {choice}.");

    private static bool ContainerRuntimeAnswers()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") ?? "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
