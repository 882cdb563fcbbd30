using System.Diagnostics;

namespace ForumPlatform.Bench;

/// <summary>The same GET sent direct and through the gateway, alternating request by request so both see the same machine load.</summary>
public static class AlternatingGets
{
    /// <summary>Times <paramref name="requests"/> GETs of <paramref name="path"/> each way, after <paramref name="warmUps"/> untimed ones.</summary>
    public static async Task<(List<double> Direct, List<double> Gateway)> TimeAsync(
        HttpClient direct, HttpClient gateway, string path, int warmUps, int requests)
    {
        for (var i = 0; i < warmUps; i++)
        {
            await TimeOneAsync(direct, path);
            await TimeOneAsync(gateway, path);
        }

        var directTimes = new List<double>(requests);
        var gatewayTimes = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            directTimes.Add(await TimeOneAsync(direct, path));
            gatewayTimes.Add(await TimeOneAsync(gateway, path));
        }

        return (directTimes, gatewayTimes);
    }

    private static async Task<double> TimeOneAsync(HttpClient client, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
