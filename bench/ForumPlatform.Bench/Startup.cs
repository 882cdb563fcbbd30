using System.Diagnostics;

namespace ForumPlatform.Bench;

/// <summary>
/// The run command, already built: from starting the app host to its "ForumPlatform is up" line (the gateway
/// is healthy, and it waits for every service, which wait for the broker), then Ctrl-C (SIGTERM) to exit.
/// </summary>
public static class Startup
{
    public static async Task<IReadOnlyList<Series>> RunAsync(string repositoryRoot, BenchScale scale)
    {
        var runs = scale.Of(3, 1);
        var configuration = Environment.GetEnvironmentVariable("BENCH_CONFIGURATION") ?? "Release";
        var up = new List<double>();
        var down = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var dataDirectory = Path.Combine(Path.GetTempPath(), "forumplatform-bench", $"startup-{Guid.NewGuid():N}");
            var startInfo = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = repositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "run", "--project", "apphost", "--no-build", "-c", configuration, "--",
                         $"--Broker:DataDirectory={dataDirectory}/broker", $"--Data:Directory={dataDirectory}/data" })
            {
                startInfo.ArgumentList.Add(argument);
            }

            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(startInfo)!;
            process.OutputDataReceived += (_, line) =>
            {
                if (line.Data?.Contains("ForumPlatform is up", StringComparison.Ordinal) == true)
                {
                    ready.TrySetResult();
                }
            };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            try
            {
                await ready.Task.WaitAsync(TimeSpan.FromMinutes(3));
            }
            catch (TimeoutException)
            {
                // Stopped as on success, so a failed run leaves no system behind holding the ports.
                SignalTree(process.Id);
                throw;
            }

            up.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);

            var stopping = Stopwatch.GetTimestamp();
            SignalTree(process.Id);
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
            await WaitUntilGoneAsync(dataDirectory);
            down.Add(Stopwatch.GetElapsedTime(stopping).TotalMilliseconds);
            Directory.Delete(dataDirectory, recursive: true);
        }

        return
        [
            new Series("startup", "run command -> all healthy", up),
            new Series("startup", "Ctrl-C -> all stopped", down),
        ];
    }

    /// <summary>The broker's processes carry its data folder on their command line; the broker stops last.</summary>
    private static async Task WaitUntilGoneAsync(string dataDirectory)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            using var pgrep = Process.Start(new ProcessStartInfo("pgrep", ["-f", dataDirectory]) { RedirectStandardOutput = true })!;
            await pgrep.WaitForExitAsync();
            if (pgrep.ExitCode != 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Processes of {dataDirectory} still run a minute after Ctrl-C.");
    }

    /// <summary>Ctrl-C in a terminal signals the whole foreground group; here the app host under dotnet run gets SIGTERM.</summary>
    private static void SignalTree(int dotnetRunPid)
    {
        using var children = Process.Start(new ProcessStartInfo("pgrep", ["-P", dotnetRunPid.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
        })!;
        var pids = children.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Append(dotnetRunPid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var pid in pids)
        {
            Process.Start("kill", ["-TERM", pid])?.WaitForExit();
        }
    }
}
