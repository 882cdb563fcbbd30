using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.Bench;

/// <summary>One wrk run: throughput, latency percentiles, and the CPU the proxy in between spent per request.</summary>
public sealed record LoadResult(
    string Target, double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, double? ProxyCpuMicrosecondsPerRequest = null);

/// <summary>
/// The same GET (one forum, about 500 bytes of JSON, with a bearer token) under load from wrk, in rounds that
/// alternate: straight to the agenda service, through the gateway (token validated, rate limiter on), and through
/// nginx (Debian's package) as a plain reverse proxy with upstream keep-alive. Every proxy sends to the agenda
/// address the app host gives the gateway. The gateways are processes of the gateway built here, started with the
/// app host's environment for it and listening straight on a loopback port (the app host's own gateway sits behind
/// one more proxy of the app host's). To show where the time goes, the same gateway also runs with its requests
/// on the thread pool (<c>Gateway:Transport:InlineScheduling</c> off), with idle thread-pool workers spinning before
/// they sleep (the runtime's default, which the gateway turns off), without telemetry, without a token, and without
/// either. Under all of it, YARP alone (bench/MinimalYarp: one route, nothing else) with its defaults and on the I/O
/// threads: the floor any YARP gateway stands on.
/// </summary>
public static partial class GatewayVersusNginx
{
    private const string Path = "/api/agenda/forums/tianshan-forum-2025";

    /// <summary>What wrk is pointed at; <c>Token</c> gives a current editor token for each run (tokens last 15 minutes, the benchmark longer), or none.</summary>
    private sealed record Target(string Name, Uri Base, Func<Task<string>>? Token, Func<TimeSpan>? ProxyCpu);

    public static async Task<(IReadOnlyList<LoadResult> Results, IReadOnlyDictionary<string, string> Notes)> RunAsync(
        RunningForumPlatform system, BenchScale scale)
    {
        var (rounds, duration, connections) = (scale.Of(3, 1), scale.Of(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)), scale.Of(32, 2));
        using var agendaClient = system.Client("agenda");
        var agenda = agendaClient.BaseAddress!;
        Func<Task<string>> token = () => system.Tokens.ForRoleAsync(ForumRoles.Editor);
        var environment = system.EnvironmentOf("gateway");
        await using var nginx = await Nginx.StartAsync(agenda);
        await using var gateway = await GatewayProcess.StartAsync(environment, []);
        await using var threadPoolGateway = await GatewayProcess.StartAsync(environment, new()
        {
            ["Gateway__Transport__InlineScheduling"] = "false",
            ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "0",
        });
        await using var spinningGateway = await GatewayProcess.StartAsync(environment, new()
        {
            ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "70",
        });
        await using var quietGateway = await GatewayProcess.StartAsync(environment, new() { ["OTEL_SDK_DISABLED"] = "true" });
        await using var minimalYarp = await GatewayProcess.StartMinimalYarpAsync(agenda, new());
        await using var minimalYarpOnIoThreads = await GatewayProcess.StartMinimalYarpAsync(agenda, new()
        {
            ["InlineScheduling"] = "true",
            ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1",
            ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
        });

        var targets = new Target[]
        {
            new("direct to agenda", agenda, token, null),
            new("through the gateway", gateway.Address, token, gateway.Cpu),
            new("through nginx", nginx.Address, token, nginx.Cpu),
            new("gateway, no token", gateway.Address, null, gateway.Cpu),
            new("gateway, on the thread pool", threadPoolGateway.Address, token, threadPoolGateway.Cpu),
            new("gateway, idle threads spinning", spinningGateway.Address, token, spinningGateway.Cpu),
            new("gateway, telemetry off", quietGateway.Address, token, quietGateway.Cpu),
            new("gateway, telemetry off, no token", quietGateway.Address, null, quietGateway.Cpu),
            new("YARP alone, its defaults", minimalYarp.Address, token, minimalYarp.Cpu),
            new("YARP alone, on the I/O threads", minimalYarpOnIoThreads.Address, token, minimalYarpOnIoThreads.Cpu),
        };
        foreach (var target in targets)
        {
            await WrkAsync(target, scale.Of(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1)), connections); // warm-up
        }

        // Saturated (many connections) for throughput; one connection for the latency a hop adds without queueing.
        var loaded = await RoundsAsync(targets, rounds, duration, connections, "");
        var serial = await RoundsAsync(targets, rounds, duration, 1, ", 1 conn.");
        var (direct, viaGateway, viaNginx) = (loaded[0], loaded[1], loaded[2]);
        double Added(LoadResult result) => result.P50Milliseconds - serial[0].P50Milliseconds;
        var (gatewayAdded, nginxAdded) = (Added(serial[1]), Added(serial[2]));
        var notes = new Dictionary<string, string>
        {
            ["gateway vs nginx, throughput"] = string.Create(CultureInfo.InvariantCulture,
                $"gateway {viaGateway.RequestsPerSecond / viaNginx.RequestsPerSecond:F2} of nginx (target ≥ 0.6); gateway {viaGateway.RequestsPerSecond / direct.RequestsPerSecond:F2} and nginx {viaNginx.RequestsPerSecond / direct.RequestsPerSecond:F2} of direct"),
            ["gateway vs nginx, added median, 1 connection"] = string.Create(CultureInfo.InvariantCulture,
                $"gateway +{gatewayAdded:F3} ms, nginx +{nginxAdded:F3} ms over direct: {gatewayAdded / nginxAdded:F1} × nginx (target ≤ 2 ×)"),
            ["gateway vs nginx, added median, saturated"] = string.Create(CultureInfo.InvariantCulture,
                $"gateway +{viaGateway.P50Milliseconds - direct.P50Milliseconds:F3} ms, nginx +{viaNginx.P50Milliseconds - direct.P50Milliseconds:F3} ms over direct ({connections} connections: queueing)"),
            ["where the gateway's time goes, 1 connection"] = string.Create(CultureInfo.InvariantCulture,
                $"CPU per request: gateway {serial[1].ProxyCpuMicrosecondsPerRequest:F0} µs, nginx {serial[2].ProxyCpuMicrosecondsPerRequest:F0} µs; on the thread pool instead of the I/O threads +{serial[4].P50Milliseconds - serial[1].P50Milliseconds:F3} ms; idle threads spinning +{serial[5].P50Milliseconds - serial[1].P50Milliseconds:F3} ms; the token (checked by the gateway, mostly from its cache, and again by the service) {serial[1].P50Milliseconds - serial[3].P50Milliseconds:F3} ms; telemetry {serial[1].P50Milliseconds - serial[6].P50Milliseconds:F3} ms; without token and telemetry, the gateway adds +{Added(serial[7]):F3} ms ({Added(serial[7]) / nginxAdded:F1} × nginx)"),
            ["YARP alone (no auth, limits, telemetry or middleware), 1 connection"] = string.Create(CultureInfo.InvariantCulture,
                $"with its defaults +{Added(serial[8]):F3} ms ({Added(serial[8]) / nginxAdded:F1} × nginx), {serial[8].ProxyCpuMicrosecondsPerRequest:F0} µs CPU per request; on the I/O threads +{Added(serial[9]):F3} ms ({Added(serial[9]) / nginxAdded:F1} × nginx), {serial[9].ProxyCpuMicrosecondsPerRequest:F0} µs CPU per request"),
            ["wrk runs"] = $"{rounds} rounds × {duration.TotalSeconds:F0} s per target and load, 2 threads; medians of the rounds",
        };
        return ([.. loaded, .. serial], notes);
    }

    private static async Task<List<LoadResult>> RoundsAsync(Target[] targets, int rounds, TimeSpan duration, int connections, string suffix)
    {
        var runs = targets.ToDictionary(target => target.Name, _ => new List<LoadResult>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var target in targets)
            {
                runs[target.Name].Add(await WrkAsync(target, duration, connections));
            }
        }

        return runs.Select(run => new LoadResult(run.Key + suffix,
            Median(run.Value.Select(result => result.RequestsPerSecond)),
            Median(run.Value.Select(result => result.P50Milliseconds)),
            Median(run.Value.Select(result => result.P99Milliseconds)),
            run.Value[0].ProxyCpuMicrosecondsPerRequest is null ? null : Median(run.Value.Select(result => result.ProxyCpuMicrosecondsPerRequest!.Value)))).ToList();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static async Task<LoadResult> WrkAsync(Target target, TimeSpan duration, int connections)
    {
        var arguments = new List<string> { $"-t{Math.Min(2, connections)}", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency" };
        if (target.Token is not null)
        {
            arguments.AddRange(["-H", $"Authorization: Bearer {await target.Token()}"]);
        }

        arguments.Add(new Uri(target.Base, Path).ToString());
        var start = new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        var cpuBefore = target.ProxyCpu?.Invoke();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var cpu = target.ProxyCpu?.Invoke() - cpuBefore;
        if (process.ExitCode != 0 || output.Contains("Non-2xx", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"wrk against {target.Base} failed:\n{output}{await process.StandardError.ReadToEndAsync()}");
        }

        var requests = double.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        return new LoadResult(target.Name,
            double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            Latency(output, "50%"), Latency(output, "99%"),
            cpu is { } used ? used.TotalMicroseconds / requests : null);
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

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    /// <summary>CPU time (user and system) of a process and of its children so far; wrk and nginx make this bench Linux-only anyway.</summary>
    private static TimeSpan ProcessTreeCpu(int processId)
    {
        var children = File.ReadAllText($"/proc/{processId}/task/{processId}/children")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(int.Parse);
        using var process = Process.GetProcessById(processId);
        return children.Aggregate(process.TotalProcessorTime, (total, child) => total + ProcessTreeCpu(child));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until <paramref name="address"/> answers the benchmark's GET with 200.</summary>
    private static async Task AnswersAsync(Uri address, string what)
    {
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
        }, TimeSpan.FromSeconds(30), what);
    }

    /// <summary>
    /// A gateway process of the build the app host runs, with the app host's environment for it, on a free loopback
    /// port, with <c>overrides</c> on top; or YARP alone, built beside the bench.
    /// </summary>
    private sealed class GatewayProcess : IAsyncDisposable
    {
        private readonly Process process;

        private GatewayProcess(Process process, Uri address)
        {
            this.process = process;
            Address = address;
        }

        public Uri Address { get; }

        public TimeSpan Cpu() => ProcessTreeCpu(process.Id);

        public static Task<GatewayProcess> StartAsync(IReadOnlyDictionary<string, string> environment, Dictionary<string, string> overrides) =>
            StartAsync("gateway", "ForumPlatform.Gateway.dll", environment, overrides);

        /// <summary>bench/MinimalYarp proxying to <paramref name="upstream"/>, with <c>overrides</c> as its environment.</summary>
        public static Task<GatewayProcess> StartMinimalYarpAsync(Uri upstream, Dictionary<string, string> overrides) =>
            StartAsync(System.IO.Path.Combine("bench", "MinimalYarp"), "ForumPlatform.Bench.MinimalYarp.dll",
                new Dictionary<string, string> { ["Upstream"] = upstream.ToString() }, overrides);

        private static async Task<GatewayProcess> StartAsync(
            string projectDirectory, string assembly, IReadOnlyDictionary<string, string> environment, Dictionary<string, string> overrides)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}/");
            var configuration = Environment.GetEnvironmentVariable("BENCH_CONFIGURATION") ?? "Release";
            var directory = System.IO.Path.Combine(RabbitMqNode.RepositoryRoot(), projectDirectory);
            var start = new ProcessStartInfo(Environment.ProcessPath!, [System.IO.Path.Combine(directory, "bin", configuration, "net10.0", assembly)])
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var (name, value) in environment.Concat(overrides))
            {
                start.Environment[name] = value;
            }

            start.Environment["ASPNETCORE_URLS"] = address.ToString();
            var process = Process.Start(start) ?? throw new InvalidOperationException($"{assembly} did not start.");
            // Drained, so a chatty log never fills the pipe and stalls the gateway.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var gateway = new GatewayProcess(process, address);
            try
            {
                await AnswersAsync(address, "the gateway to answer");
                return gateway;
            }
            catch
            {
                await gateway.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }

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

        /// <summary>The master's CPU and its workers'.</summary>
        public TimeSpan Cpu() => ProcessTreeCpu(process.Id);

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
            await AnswersAsync(address, "nginx to answer");
            return new Nginx(process, directory, address);
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
