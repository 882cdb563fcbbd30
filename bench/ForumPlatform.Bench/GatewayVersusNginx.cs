using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.Bench;

/// <summary>One wrk run: throughput and latency percentiles.</summary>
public sealed record LoadResult(string Target, double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds);

/// <summary>
/// The same GET (one forum, about 500 bytes of JSON, with a bearer token) under load from wrk, three ways, in rounds
/// that alternate: straight to the agenda service, through the gateway (token validated, rate limiter on), and
/// through nginx (Debian's package) as a plain reverse proxy with upstream keep-alive. All three reach the same
/// agenda address. Then the gateway again without a token, to see what validating it costs.
/// </summary>
public static partial class GatewayVersusNginx
{
    private const string Path = "/api/agenda/forums/tianshan-forum-2025";

    public static async Task<(IReadOnlyList<LoadResult> Results, IReadOnlyDictionary<string, string> Notes)> RunAsync(
        RunningForumPlatform system, int rounds, TimeSpan duration, int connections)
    {
        using var agendaClient = system.Client("agenda");
        using var gatewayClient = system.Gateway();
        var agenda = agendaClient.BaseAddress!;
        var gateway = gatewayClient.BaseAddress!;
        var token = DevelopmentTokens.ForRole(ForumRoles.Editor);
        await using var nginx = await Nginx.StartAsync(agenda);

        var targets = new (string Name, Uri Base, string? Token)[]
        {
            ("direct to agenda", agenda, token),
            ("through the gateway", gateway, token),
            ("through nginx", nginx.Address, token),
            ("through the gateway, no token", gateway, null),
        };
        foreach (var target in targets)
        {
            await WrkAsync(target.Base, target.Token, TimeSpan.FromSeconds(3), connections); // warm-up
        }

        // Saturated (many connections) for throughput; one connection for the latency a hop adds without queueing.
        var loaded = await RoundsAsync(targets, rounds, duration, connections, "");
        var serial = await RoundsAsync(targets, rounds, duration, 1, ", 1 connection");
        var (direct, viaGateway, viaNginx) = (loaded[0], loaded[1], loaded[2]);
        var (directSerial, gatewaySerial, nginxSerial) = (serial[0], serial[1], serial[2]);
        var notes = new Dictionary<string, string>
        {
            ["gateway vs nginx, throughput"] = string.Create(CultureInfo.InvariantCulture,
                $"gateway {viaGateway.RequestsPerSecond / viaNginx.RequestsPerSecond:F2} of nginx (target ≥ 0.6); gateway {viaGateway.RequestsPerSecond / direct.RequestsPerSecond:F2} and nginx {viaNginx.RequestsPerSecond / direct.RequestsPerSecond:F2} of direct"),
            ["gateway vs nginx, added median, 1 connection"] = string.Create(CultureInfo.InvariantCulture,
                $"gateway +{gatewaySerial.P50Milliseconds - directSerial.P50Milliseconds:F3} ms, nginx +{nginxSerial.P50Milliseconds - directSerial.P50Milliseconds:F3} ms over direct (target: gateway ≤ 2 × nginx)"),
            ["gateway vs nginx, added median, saturated"] = string.Create(CultureInfo.InvariantCulture,
                $"gateway +{viaGateway.P50Milliseconds - direct.P50Milliseconds:F3} ms, nginx +{viaNginx.P50Milliseconds - direct.P50Milliseconds:F3} ms over direct ({connections} connections: queueing)"),
            ["wrk runs"] = $"{rounds} rounds × {duration.TotalSeconds:F0} s per target and load, 2 threads; medians of the rounds",
        };
        return ([.. loaded, .. serial], notes);
    }

    private static async Task<List<LoadResult>> RoundsAsync(
        (string Name, Uri Base, string? Token)[] targets, int rounds, TimeSpan duration, int connections, string suffix)
    {
        var runs = targets.ToDictionary(target => target.Name, _ => new List<LoadResult>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var target in targets)
            {
                runs[target.Name].Add(await WrkAsync(target.Base, target.Token, duration, connections));
            }
        }

        return runs.Select(run => new LoadResult(run.Key + suffix,
            Median(run.Value.Select(result => result.RequestsPerSecond)),
            Median(run.Value.Select(result => result.P50Milliseconds)),
            Median(run.Value.Select(result => result.P99Milliseconds)))).ToList();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static async Task<LoadResult> WrkAsync(Uri baseAddress, string? token, TimeSpan duration, int connections)
    {
        var arguments = new List<string> { $"-t{Math.Min(2, connections)}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency" };
        if (token is not null)
        {
            arguments.AddRange(["-H", $"Authorization: Bearer {token}"]);
        }

        arguments.Add(new Uri(baseAddress, Path).ToString());
        var start = new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || output.Contains("Non-2xx", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"wrk against {baseAddress} failed:\n{output}{await process.StandardError.ReadToEndAsync()}");
        }

        return new LoadResult(baseAddress.ToString(),
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Latency(output, "50%"), Latency(output, "99%"));
    }

    /// <summary>A percentile from wrk's latency distribution ("50%  1.23ms"), in milliseconds.</summary>
    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    /// <summary>nginx as a plain reverse proxy on a free loopback port, with keep-alive connections to the upstream.</summary>
    private sealed class Nginx : IAsyncDisposable
    {
        private readonly Process process;
        private readonly string directory;

        private Nginx(Process process, string directory, Uri address)
        {
            this.process = process;
            this.directory = directory;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<Nginx> StartAsync(Uri upstream)
        {
            var directory = Directory.CreateTempSubdirectory("forumplatform-nginx-").FullName;
            var port = FreePort();
            await File.WriteAllTextAsync(System.IO.Path.Combine(directory, "nginx.conf"), $$"""
                worker_processes auto;
                pid {{directory}}/nginx.pid;
                error_log {{directory}}/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path {{directory}}/body;
                    proxy_temp_path {{directory}}/proxy;
                    upstream agenda {
                        server {{upstream.Host}}:{{upstream.Port}};
                        keepalive 64;
                    }
                    server {
                        listen 127.0.0.1:{{port}};
                        location / {
                            proxy_pass http://agenda;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                        }
                    }
                }
                """);
            var start = new ProcessStartInfo("nginx", ["-p", directory, "-c", System.IO.Path.Combine(directory, "nginx.conf"), "-g", "daemon off;"])
            {
                RedirectStandardError = true,
            };
            var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start.");
            var address = new Uri($"http://127.0.0.1:{port}/");
            using var probe = new HttpClient();
            await Eventually.TrueAsync(async () =>
            {
                try
                {
                    return (await probe.GetAsync(new Uri(address, Path))).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(10), "nginx to answer");
            return new Nginx(process, directory, address);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
            Directory.Delete(directory, recursive: true);
        }
    }
}
