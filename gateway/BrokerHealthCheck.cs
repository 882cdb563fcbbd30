using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;

namespace ForumPlatform.Gateway;

/// <summary>Opens (and closes) an AMQP connection to the broker every service depends on.</summary>
internal sealed class BrokerHealthCheck(string? connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return HealthCheckResult.Degraded("ConnectionStrings:messaging is not set, so the gateway cannot look at the broker.");
        }

        try
        {
            var factory = new ConnectionFactory { Uri = new Uri(connectionString), RequestedConnectionTimeout = TimeSpan.FromSeconds(3) };
            await using var connection = await factory.CreateConnectionAsync("forumplatform-gateway-health", cancellationToken);
            var version = connection.ServerProperties is { } properties && properties.TryGetValue("version", out var value) && value is byte[] bytes
                ? Encoding.UTF8.GetString(bytes)
                : "unknown";
            return HealthCheckResult.Healthy($"The broker answered (RabbitMQ {version}).");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The broker did not answer: {exception.Message}");
        }
    }
}
