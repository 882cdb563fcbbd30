using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ForumPlatform.Gateway;

/// <summary>Asks one service behind the gateway for its own <c>/health</c> and reports its answer.</summary>
internal sealed class DownstreamHealthCheck(IHttpClientFactory clients, string service) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = clients.CreateClient();
            using var response = await client.GetAsync(new Uri($"http://{service}/health"), cancellationToken);
            var report = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var status = report.TryGetProperty("status", out var value) ? value.GetString() : null;
            return status switch
            {
                "Healthy" => HealthCheckResult.Healthy($"{service} is healthy."),
                "Degraded" => HealthCheckResult.Degraded($"{service} reports degraded."),
                _ => HealthCheckResult.Unhealthy($"{service} answered {(int)response.StatusCode} ({status ?? "no status"})."),
            };
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return HealthCheckResult.Unhealthy($"{service} did not answer: {exception.Message}");
        }
    }
}
