using ForumPlatform.Bench;
using ForumPlatform.Testing;

// Benchmarks of the running system (Scenarios.All names them).
//   bench/run.sh [--quick] [scenario ...]      every scenario by default; --quick: tiny sizes, figures not judged
var quick = args.Contains("--quick");
var names = args.Where(arg => arg != "--quick").ToList();
var unknown = names.Except(Scenarios.All.Select(scenario => scenario.Name)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown scenario(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Scenarios.All.Select(s => s.Name))}");
    return 2;
}

var chosen = Scenarios.All.Where(scenario => names.Count == 0 || names.Contains(scenario.Name)).ToList();
var scale = quick ? BenchScale.QuickCheck : BenchScale.Full;
var run = new BenchRun();
if (chosen.Any(scenario => scenario.System))
{
    Console.WriteLine("Starting the system (app host, private RabbitMQ node, identity and four services, gateway)...");
    await using var system = await RunningForumPlatform.StartAsync();
    foreach (var scenario in chosen.Where(scenario => scenario.System))
    {
        Console.WriteLine(quick ? $"{scenario.Name} (quick)..." : $"{scenario.Name}: {scenario.Description}...");
        await scenario.RunAsync(system, scale, run);
    }
}

foreach (var scenario in chosen.Where(scenario => !scenario.System))
{
    Console.WriteLine(quick ? $"{scenario.Name} (quick)..." : $"{scenario.Name}: {scenario.Description}...");
    await scenario.RunAsync(null, scale, run);
}

if (quick)
{
    Console.WriteLine($"Quick run: {chosen.Count} scenarios ran to their end; figures at these sizes mean nothing.");
}

Table.Print(run.Series, run.Notes, run.Load);
return 0;
