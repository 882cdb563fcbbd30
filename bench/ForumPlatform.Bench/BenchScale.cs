namespace ForumPlatform.Bench;

/// <summary>
/// How big a run is: the sizes the figures are measured at, or tiny ones (<c>--quick</c>) that only show every scenario
/// still runs to its end. The test command runs every scenario quick, so a scenario that stops working fails CI; quick
/// figures mean nothing and are not judged.
/// </summary>
public sealed record BenchScale(bool Quick)
{
    public static readonly BenchScale Full = new(false);

    public static readonly BenchScale QuickCheck = new(true);

    public int Of(int full, int quick) => Quick ? quick : full;

    public TimeSpan Of(TimeSpan full, TimeSpan quick) => Quick ? quick : full;
}
