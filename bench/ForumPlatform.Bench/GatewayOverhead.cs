using System.Diagnostics;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.Bench;

/// <summary>
/// The same GET (one forum, about 500 bytes of JSON) straight to the agenda service and through the gateway,
/// alternating request by request so both see the same machine load. Both carry a bearer token, so the
/// gateway (and the service) validate it. Both paths pass the app host's proxy in front of the agenda service once;
/// the gateway is reached on its own port, not through the proxy the app host puts in front of it too.
/// </summary>
public static class GatewayOverhead
{
    private const string Path = "/api/agenda/forums/tianshan-forum-2025";

    public static async Task<IReadOnlyList<Series>> RunAsync(RunningForumPlatform system, int requests)
    {
        using var direct = system.Client("agenda", ForumRoles.Editor);
        using var gateway = system.GatewayOnItsOwnPort(ForumRoles.Editor);

        for (var i = 0; i < 200; i++)
        {
            await TimeAsync(direct);
            await TimeAsync(gateway);
        }

        var directTimes = new List<double>(requests);
        var gatewayTimes = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            directTimes.Add(await TimeAsync(direct));
            gatewayTimes.Add(await TimeAsync(gateway));
        }

        return
        [
            new Series("gateway-overhead", "GET direct to agenda", directTimes),
            new Series("gateway-overhead", "GET through gateway", gatewayTimes),
        ];
    }

    private static async Task<double> TimeAsync(HttpClient client)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(Path);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
