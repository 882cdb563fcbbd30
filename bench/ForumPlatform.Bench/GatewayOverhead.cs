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

    public static async Task<IReadOnlyList<Series>> RunAsync(RunningForumPlatform system, BenchScale scale)
    {
        using var direct = system.Client("agenda", ForumRoles.Editor);
        using var gateway = system.GatewayOnItsOwnPort(ForumRoles.Editor);

        var (directTimes, gatewayTimes) = await AlternatingGets.TimeAsync(direct, gateway, Path, warmUps: scale.Of(200, 2), scale.Of(2000, 5));

        return
        [
            new Series("gateway-overhead", "GET direct to agenda", directTimes),
            new Series("gateway-overhead", "GET through gateway", gatewayTimes),
        ];
    }
}
