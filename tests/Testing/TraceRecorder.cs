using System.Collections.Concurrent;
using System.Diagnostics;

namespace ForumPlatform.Testing;

/// <summary>
/// Records the traces this process would send to the dashboard: root activities (no parent) that end recorded.
/// OpenTelemetry's own listener decides what is sampled and its filters what stays recorded; this listener only
/// watches (it asks for nothing), so it sees exactly what the exporter would get.
/// </summary>
/// <remarks>It hears every activity in the process: use it in a test collection that runs alone.</remarks>
public sealed class TraceRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> traces = new();
    private readonly ActivityListener listener;

    public TraceRecorder()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            ActivityStopped = activity =>
            {
                if (activity.Recorded && activity.Parent is null && activity.ParentSpanId == default)
                {
                    traces.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
    }

    public IReadOnlyList<Activity> Traces => [.. traces];

    /// <summary>Each trace as its source and name, e.g. <c>Microsoft.EntityFrameworkCore: main</c>, for a failure message.</summary>
    public string Describe() => string.Join(", ", Traces.Select(trace => $"{trace.Source.Name}: {trace.DisplayName}"));

    public void Dispose() => listener.Dispose();
}
