using System.Globalization;

namespace ForumPlatform.Bench;

/// <summary>One measured series (milliseconds) and its order statistics.</summary>
public sealed record Series(string Scenario, string Name, IReadOnlyList<double> Milliseconds)
{
    public double Median => Percentile(50);

    public double Percentile(double p)
    {
        var sorted = Milliseconds.Order().ToArray();
        var rank = p / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}

public static class Table
{
    public static void Print(IEnumerable<Series> series, IReadOnlyDictionary<string, string>? notes = null, IReadOnlyList<LoadResult>? load = null)
    {
        if (load is { Count: > 0 })
        {
            Console.WriteLine();
            Console.WriteLine($"{"under load (wrk)",-40} {"requests/s",12} {"p50 ms",10} {"p99 ms",10} {"proxy CPU µs/req",18}");
            Console.WriteLine(new string('-', 94));
            foreach (var row in load)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{row.Target,-40} {row.RequestsPerSecond,12:F0} {row.P50Milliseconds,10:F3} {row.P99Milliseconds,10:F3} {row.ProxyCpuMicrosecondsPerRequest,18:F0}"));
            }
        }

        var rows = series.ToList();
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-18} {"series",-34} {"n",6} {"median ms",10} {"p95 ms",10} {"p99 ms",10}");
        Console.WriteLine(new string('-', 93));
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Scenario,-18} {row.Name,-34} {row.Milliseconds.Count,6} {row.Median,10:F3} {row.Percentile(95),10:F3} {row.Percentile(99),10:F3}"));
        }

        foreach (var (key, value) in notes ?? new Dictionary<string, string>())
        {
            Console.WriteLine($"{key}: {value}");
        }
    }
}
