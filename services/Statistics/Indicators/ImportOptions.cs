namespace ForumPlatform.Statistics.Indicators;

/// <summary>Limits of observation uploads (section <c>Statistics:Import</c>).</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Statistics:Import";

    /// <summary>
    /// Largest upload accepted, in bytes; larger ones get 413. 32 MiB holds about 500,000 CSV rows. The rows of one
    /// upload are checked in memory before any is written, so this also bounds the memory an import takes.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 32 * 1024 * 1024;
}
