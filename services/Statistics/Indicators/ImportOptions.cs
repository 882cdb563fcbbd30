namespace ForumPlatform.Statistics.Indicators;

/// <summary>Limits of observation uploads (section <c>Statistics:Import</c>).</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Statistics:Import";

    /// <summary>
    /// Largest upload accepted, in bytes; larger ones get 413. 25 MiB holds about 600,000 CSV rows and stays under the
    /// gateway's own request body limit (Kestrel's 30 MB). The rows of one upload are checked in memory before any is
    /// written, so this also bounds the memory an import takes.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 25 * 1024 * 1024;
}
