using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ForumPlatform.AppHost.Broker;

namespace ForumPlatform.Testing;

/// <summary>
/// A private RabbitMQ node (Debian's rabbitmq-server, via <c>eng/rabbitmq-node.sh</c>) on free loopback ports
/// with its own data folder. It can be stopped and started again on the same port and data, as a broker
/// restart looks to clients. Disposing stops it and deletes its data.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private const int OutputLinesKept = 40;

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "forumplatform-tests", $"broker-{Guid.NewGuid():N}");
    private readonly int managementPort = LoopbackPorts.Free();
    private readonly int distPort = LoopbackPorts.Free();
    private readonly int epmdPort = LoopbackPorts.Free();
    private readonly ConcurrentQueue<string> lastOutput = new();
    private Process? process;

    public int AmqpPort { get; } = LoopbackPorts.Free();

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{AmqpPort}/";

    public Uri ManagementUri => new($"http://127.0.0.1:{managementPort}/");

    /// <summary>
    /// A node on ports free a moment ago. Another process can take one of them before the node binds it, and the node
    /// then exits at once; so a node that exits while starting is tried once more on other ports.
    /// </summary>
    public static async Task<RabbitMqNode> StartNewAsync()
    {
        var node = new RabbitMqNode();
        try
        {
            await node.StartAsync();
            return node;
        }
        catch (NodeExitedException)
        {
            await node.DisposeAsync();
        }

        node = new RabbitMqNode();
        await node.StartAsync();
        return node;
    }

    public async Task StartAsync()
    {
        if (process is not null)
        {
            throw new InvalidOperationException("The node is already running.");
        }

        var script = Path.Combine(RepositoryRoot(), "eng", "rabbitmq-node.sh");
        var startInfo = new ProcessStartInfo(script)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { dataDirectory, $"{AmqpPort}", $"{managementPort}", $"{distPort}", $"{epmdPort}" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {script}.");
        process.OutputDataReceived += (_, line) => Remember(line.Data);
        process.ErrorDataReceived += (_, line) => Remember(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await AmqpHandshakeHealthCheck.AnswersAsync(IPAddress.Loopback, AmqpPort))
        {
            if (process.HasExited)
            {
                throw new NodeExitedException(
                    $"The RabbitMQ node exited with code {process.ExitCode} while starting. Its last output:\n{string.Join('\n', lastOutput)}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The RabbitMQ node did not answer on port {AmqpPort} within {StartTimeout.TotalSeconds} s.");
            }

            await Task.Delay(200);
        }
    }

    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        // SIGTERM lets the script stop the node and its epmd.
        Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
        process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean with the temp folder.
        }
    }

    /// <summary>Keeps the node's last lines of output, for the error when it does not start.</summary>
    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lastOutput.Enqueue(line);
        while (lastOutput.Count > OutputLinesKept)
        {
            lastOutput.TryDequeue(out _);
        }
    }

    private sealed class NodeExitedException(string message) : InvalidOperationException(message);

    /// <summary>The folder holding ForumPlatform.sln, found upwards from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ForumPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ForumPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
