namespace ForumPlatform.Gateway.Tests;

/// <summary>A clock that moves only when the test sets it.</summary>
internal sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2025, 9, 1, 8, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
