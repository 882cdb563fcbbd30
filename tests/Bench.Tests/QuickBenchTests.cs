using System.Reflection;
using ForumPlatform.Testing;

namespace ForumPlatform.Bench.Tests;

/// <summary>The running system the quick scenarios share, as <c>bench/run.sh</c> shares one.</summary>
public sealed class BenchSystemFixture : IAsyncLifetime
{
    public RunningForumPlatform System { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The scenarios that start processes of their own (gateways, the app host) take this build's output.
        Environment.SetEnvironmentVariable("BENCH_CONFIGURATION",
            typeof(BenchSystemFixture).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug");
        System = await RunningForumPlatform.StartAsync();
    }

    public async Task DisposeAsync() => await System.DisposeAsync();
}

/// <summary>
/// Every benchmark scenario runs to its end at tiny sizes (<see cref="BenchScale.QuickCheck"/>), so a scenario that no
/// longer works against the system (a renamed figure it waits for, a changed route) fails here rather than on the next
/// person's benchmark run. The figures at these sizes mean nothing and are not judged; what is asserted is that each
/// scenario finished and measured something.
/// </summary>
public sealed class QuickBenchTests(BenchSystemFixture fixture) : IClassFixture<BenchSystemFixture>
{
    public static TheoryData<string> ScenarioNames => [.. Scenarios.All.Select(scenario => scenario.Name)];

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public async Task The_scenario_runs_to_its_end(string name)
    {
        var scenario = Scenarios.All.Single(scenario => scenario.Name == name);
        var run = new BenchRun();

        await scenario.RunAsync(scenario.System ? fixture.System : null, BenchScale.QuickCheck, run)
            .WaitAsync(TimeSpan.FromMinutes(5));

        Assert.True(run.Series.Count + run.Load.Count > 0, $"{name} measured nothing");
        Assert.All(run.Series, series => Assert.NotEmpty(series.Milliseconds));
        Assert.All(run.Load, load => Assert.True(load.RequestsPerSecond > 0, $"{load.Target}: no request answered"));
    }
}
