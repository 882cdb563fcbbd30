using System.Globalization;
using ForumPlatform.Contracts;
using ForumPlatform.Database;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Statistics.Indicators;

/// <summary>What an upload did, or would do in a dry run, and every problem found in it.</summary>
public sealed record ImportReport(
    bool DryRun,
    bool Stored,
    Guid? ImportId,
    int Rows,
    int Inserted,
    int Changed,
    int Unchanged,
    int BadRows,
    IReadOnlyList<ImportProblem> Errors)
{
    /// <summary>Every problem found; <see cref="Errors"/> lists the first <see cref="ObservationImporter.ListedProblems"/>.</summary>
    public int ProblemsFound { get; init; }

    /// <summary>In a dry run without bad rows: how many series (indicator, reporter, partner) the upload would change.</summary>
    public int SeriesChanged { get; init; }

    /// <summary>
    /// In a dry run without bad rows: the first <see cref="ObservationImporter.PreviewedSeries"/> series it would change,
    /// each whole as it would be after the import, so a chart and a table can show it before anything is stored.
    /// </summary>
    public IReadOnlyList<SeriesPreview> Preview { get; init; } = [];
}

/// <summary>What a previewed period's value does in the import.</summary>
public static class PreviewChanges
{
    public const string New = "new";
    public const string Changed = "changed";
    public const string Unchanged = "unchanged";
    public const string Kept = "kept";
}

/// <summary>One series as an import would leave it: every period stored or uploaded, in order.</summary>
public sealed record SeriesPreview(string Indicator, string Reporter, string Partner, int Changes, IReadOnlyList<PreviewPoint> Points);

/// <param name="Period">The period, e.g. 2024 or 2024-Q3.</param>
/// <param name="Value">The value after the import (null: not available).</param>
/// <param name="Status">Its status after the import (null: final).</param>
/// <param name="Note">Its source note after the import.</param>
/// <param name="Before">The value stored now, where there is one.</param>
/// <param name="Change"><c>new</c>, <c>changed</c>, <c>unchanged</c> (uploaded as stored) or <c>kept</c> (not in the upload).</param>
public sealed record PreviewPoint(string Period, decimal? Value, string? Status, string? Note, decimal? Before, string Change);

/// <summary>
/// Imports observations all or nothing: every row is checked first, and nothing is written when one is bad.
/// A stored upload replaces the values of the periods it names, keeps the replaced values as revisions, and
/// raises <see cref="IndicatorUpdated"/> for every value it changes (a first value counts as a change from none).
/// </summary>
public sealed class ObservationImporter(StatisticsDbContext db, TimeProvider clock)
{
    /// <summary>Status values besides none (a final figure).</summary>
    public static readonly IReadOnlyList<string> Statuses = ["estimated", "provisional", "forecast"];

    /// <summary>
    /// How many problems a report lists (all are counted): a file of 600,000 bad rows would otherwise answer with
    /// hundreds of megabytes of them, when the first show what is wrong.
    /// </summary>
    public const int ListedProblems = 1000;

    /// <summary>How many changed series a dry run shows whole (a page shows one at a time; an upload may touch thousands).</summary>
    public const int PreviewedSeries = 20;

    private readonly record struct ValidRow(
        Indicator Indicator, string Reporter, string Partner, string Period, decimal? Value, string? Status, string? Note);

    public async Task<ImportReport> ImportAsync(
        IAsyncEnumerable<UploadedRow> upload, string format, bool dryRun, string? importedBy, string? importedByName,
        CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().ToDictionaryAsync(indicator => indicator.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var problems = new List<ImportProblem>();
        var (problemsFound, badRows) = (0, 0);
        var rows = new List<ValidRow>();
        var firstRowOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var count = 0;
        await foreach (var uploaded in upload.WithCancellation(cancellationToken))
        {
            count++;
            var rowProblems = new List<ImportProblem>();
            if (Validate(uploaded, indicators, rowProblems) is { } valid)
            {
                var key = $"{valid.Indicator.Code}|{valid.Reporter}|{valid.Partner}|{valid.Period}";
                if (firstRowOfKey.TryAdd(key, uploaded.Row))
                {
                    rows.Add(valid);
                }
                else
                {
                    rowProblems.Add(new ImportProblem(uploaded.Row, uploaded.Line, null, null,
                        $"Duplicate row: row {firstRowOfKey[key]} already gives {valid.Indicator.Code} {valid.Reporter}→{valid.Partner} {valid.Period}."));
                }
            }

            if (rowProblems.Count > 0)
            {
                badRows++;
                problemsFound += rowProblems.Count;
                problems.AddRange(rowProblems.Take(ListedProblems - problems.Count));
            }
        }

        if (problemsFound > 0)
        {
            return new ImportReport(dryRun, false, null, count, 0, 0, 0, badRows, problems) { ProblemsFound = problemsFound };
        }

        if (dryRun)
        {
            var wouldBe = await ApplyAsync(rows, null, clock.GetUtcNow(), cancellationToken);
            return new ImportReport(true, false, null, count, wouldBe.Inserted, wouldBe.Changed, wouldBe.Unchanged, 0, [])
            {
                SeriesChanged = wouldBe.ChangedSeries.Count,
                Preview = await PreviewAsync(rows, wouldBe.ChangedSeries, cancellationToken),
            };
        }

        await using var write = await db.BeginWriteAsync(cancellationToken);
        await RefuseIfFrequencyChangedAsync(rows, indicators, cancellationToken);
        // One time for the whole import: its rows, its record and its indicators' totals say the same moment.
        var now = clock.GetUtcNow();
        var importId = Guid.CreateVersion7(now);
        var (inserted, changed, unchanged, events, touched, _) = await ApplyAsync(rows, importId, now, cancellationToken);
        db.IndicatorImports.Add(new IndicatorImport
        {
            Id = importId,
            ImportedAt = now,
            ImportedBy = importedBy,
            ImportedByName = importedByName,
            Format = format,
            Rows = count,
            Inserted = inserted,
            Changed = changed,
            Unchanged = unchanged,
        });
        foreach (var (code, added) in touched)
        {
            await db.Indicators.Where(indicator => indicator.Code == code).ExecuteUpdateAsync(indicator => indicator
                .SetProperty(i => i.ObservationCount, i => i.ObservationCount + added)
                .SetProperty(i => i.ObservationsUpdatedAt, now), cancellationToken);
        }

        await db.AddEventsAsync(events, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return new ImportReport(false, true, importId, count, inserted, changed, unchanged, 0, []);
    }

    /// <summary>
    /// Periods were checked against each indicator's frequency as the upload streamed in, before the write. A
    /// definition may have changed a frequency meanwhile (an indicator without observations may change it); called
    /// inside the import's write, what is read here holds until the import commits.
    /// </summary>
    private async Task RefuseIfFrequencyChangedAsync(List<ValidRow> rows, Dictionary<string, Indicator> checkedAgainst, CancellationToken cancellationToken)
    {
        var used = rows.Select(row => row.Indicator.Code).Distinct().ToList();
        var current = await db.Indicators.AsNoTracking()
            .Where(indicator => used.Contains(indicator.Code))
            .Select(indicator => new { indicator.Code, indicator.Frequency })
            .ToListAsync(cancellationToken);
        var changed = current.Where(indicator => indicator.Frequency != checkedAgainst[indicator.Code].Frequency).ToList();
        if (changed.Count > 0)
        {
            throw new UnreadableUploadException("An indicator's definition changed while the upload was read; nothing was stored.",
                [.. changed.Select(indicator => new ImportProblem(0, null, ImportFormats.Indicator, indicator.Code,
                    $"Its frequency is now {indicator.Frequency.ToString().ToLowerInvariant()}; upload again to have the periods checked against it."))]);
        }
    }

    /// <summary>The row checked; null when it has problems, which are added to <paramref name="problems"/>.</summary>
    private static ValidRow? Validate(UploadedRow row, Dictionary<string, Indicator> indicators, List<ImportProblem> problems)
    {
        void Problem(string column, string? value, string error) => problems.Add(new ImportProblem(row.Row, row.Line, column, value, error));

        if (row.ReadError is not null)
        {
            problems.Add(new ImportProblem(row.Row, row.Line, null, null, row.ReadError));
            return null;
        }

        Indicator? indicator = null;
        if (row.Indicator is null)
        {
            Problem(ImportFormats.Indicator, null, "The indicator code is required.");
        }
        else if (!indicators.TryGetValue(row.Indicator, out indicator))
        {
            Problem(ImportFormats.Indicator, row.Indicator, $"Unknown indicator '{row.Indicator}'; define it first (PUT /api/stats/indicators/{{code}}).");
        }

        var reporter = AreaCode(row.Reporter, ImportFormats.Reporter, Problem);
        var partner = AreaCode(row.Partner, ImportFormats.Partner, Problem);
        if (reporter is not null && reporter == partner)
        {
            Problem(ImportFormats.Partner, row.Partner, "The partner must differ from the reporter.");
        }

        string? period = null;
        if (row.Period is null)
        {
            Problem(ImportFormats.Period, null, "The period is required.");
        }
        else if (indicator is not null)
        {
            if (Period.TryParse(row.Period, indicator.Frequency, out var parsed, out var error))
            {
                period = parsed.ToString();
            }
            else
            {
                Problem(ImportFormats.Period, row.Period, error!);
            }
        }

        var value = ParseValue(row.Value, Problem);
        string? status = null;
        if (row.Status is not null)
        {
            status = Statuses.FirstOrDefault(known => string.Equals(known, row.Status, StringComparison.OrdinalIgnoreCase));
            if (status is null)
            {
                Problem(ImportFormats.Status, row.Status, $"Unknown status; leave it empty for a final figure or use {string.Join(", ", Statuses)}.");
            }
        }

        if (row.Note is { Length: > IndicatorLimits.Note })
        {
            Problem(ImportFormats.Note, row.Note[..40] + "…", $"The note is longer than {IndicatorLimits.Note} characters.");
        }
        else if (!StoredText.IsStorable(row.Note))
        {
            Problem(ImportFormats.Note, null, StoredText.Refusal);
        }

        return problems.Count == 0
            ? new ValidRow(indicator!, reporter!, partner!, period!, value, status, row.Note)
            : null;
    }

    private static string? AreaCode(string? code, string column, Action<string, string?, string> problem)
    {
        if (code is null)
        {
            problem(column, null, $"The {column} code is required.");
            return null;
        }

        var area = Areas.Find(code);
        if (area is null)
        {
            problem(column, code, "Unknown country or region code; use ISO 3166 alpha-3 (e.g. KAZ) or a region (WLD, CAS, CAREC).");
        }

        return area?.Code;
    }

    /// <summary>
    /// Empty means "not available". Numbers use a dot for decimals; grouping (1,234 or 1 234) is refused rather than
    /// guessed, since a comma is a decimal separator in half the world.
    /// </summary>
    private static decimal? ParseValue(string? text, Action<string, string?, string> problem)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Contains(',') || text.Contains(' ') || text.Contains('\u00a0'))
        {
            problem(ImportFormats.Value, text, "Thousands separators and decimal commas are not accepted; write 94800000000 or 94.8.");
            return null;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value))
        {
            problem(ImportFormats.Value, text, "Not a number; leave it empty where the value is not available.");
            return null;
        }

        if (Math.Abs(value) > IndicatorLimits.MaxValue || decimal.Round(value, IndicatorLimits.MaxValueDecimals) != value)
        {
            problem(ImportFormats.Value, text,
                $"A value is at most {IndicatorLimits.MaxValue:0.#E+0} either side of zero, with at most {IndicatorLimits.MaxValueDecimals} decimals; use the indicator's scale for larger figures.");
            return null;
        }

        return value;
    }

    /// <summary>
    /// Compares each row with what is stored and, when <paramref name="importId"/> is given, writes it in the open
    /// write: new values and the revisions of replaced ones through <see cref="BulkInsert{TEntity}"/>, replaced values
    /// by one update each. Through the change tracker, 100,000 rows took 3.1 (new) and 2.1 (changed) times as long, with
    /// twice the peak memory (bench/run.sh statistics).
    /// </summary>
    /// <returns>
    /// The counts, the events, per indicator written to how many observations it gained, and per series changed
    /// how many of its values change (in the order the upload first changes them).
    /// </returns>
    private async Task<(int Inserted, int Changed, int Unchanged, List<IndicatorUpdated> Events, Dictionary<string, int> Touched,
        OrderedDictionary<SeriesKey, int> ChangedSeries)> ApplyAsync(
        List<ValidRow> rows, Guid? importId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await LoadStoredAsync(rows, cancellationToken);
        int inserted = 0, changed = 0, unchanged = 0;
        var events = new List<IndicatorUpdated>();
        var touched = new Dictionary<string, int>();
        var changedSeries = new OrderedDictionary<SeriesKey, int>();
        var (additions, replacements) = (new List<Observation>(), new List<(Observation Old, ValidRow New)>());
        foreach (var row in rows)
        {
            var existing = stored.GetValueOrDefault((row.Indicator.Code, row.Reporter, row.Partner, row.Period));
            if (existing is not null && existing.Value == row.Value && existing.Status == row.Status && existing.SourceNote == row.Note)
            {
                unchanged++;
                continue;
            }

            if (existing is null)
            {
                inserted++;
                touched[row.Indicator.Code] = touched.GetValueOrDefault(row.Indicator.Code) + 1;
            }
            else
            {
                changed++;
                touched.TryAdd(row.Indicator.Code, 0);
            }

            var series = new SeriesKey(row.Indicator.Code, row.Reporter, row.Partner);
            changedSeries[series] = changedSeries.GetValueOrDefault(series) + 1;

            if (existing is null || existing.Value != row.Value)
            {
                events.Add(new IndicatorUpdated(
                    Guid.CreateVersion7(now), now, row.Indicator.Code, row.Indicator.Name, row.Indicator.Unit,
                    row.Reporter, row.Partner, row.Period, existing?.Value, row.Value, row.Indicator.SourceOrganization));
            }

            if (importId is { } import)
            {
                if (existing is null)
                {
                    additions.Add(new Observation
                    {
                        IndicatorCode = row.Indicator.Code,
                        Reporter = row.Reporter,
                        Partner = row.Partner,
                        Period = row.Period,
                        Value = row.Value,
                        Status = row.Status,
                        SourceNote = row.Note,
                        UpdatedAt = now,
                        ImportId = import,
                    });
                }
                else
                {
                    replacements.Add((existing, row));
                }
            }
        }

        if (importId is { } id)
        {
            await WriteAsync(additions, replacements, id, now, cancellationToken);
        }

        return (inserted, changed, unchanged, events, touched, changedSeries);
    }

    private readonly record struct SeriesKey(string Indicator, string Reporter, string Partner);

    /// <summary>The first changed series whole, as the import would leave them: stored periods merged with uploaded ones.</summary>
    private async Task<List<SeriesPreview>> PreviewAsync(
        List<ValidRow> rows, OrderedDictionary<SeriesKey, int> changedSeries, CancellationToken cancellationToken)
    {
        var shown = changedSeries.Take(PreviewedSeries).ToList();
        var keys = shown.Select(series => series.Key).ToHashSet();
        var uploaded = rows.Where(row => keys.Contains(new SeriesKey(row.Indicator.Code, row.Reporter, row.Partner)))
            .ToLookup(row => new SeriesKey(row.Indicator.Code, row.Reporter, row.Partner));
        var previews = new List<SeriesPreview>(shown.Count);
        foreach (var (key, changes) in shown)
        {
            var stored = await db.Observations.AsNoTracking()
                .Where(o => o.IndicatorCode == key.Indicator && o.Reporter == key.Reporter && o.Partner == key.Partner)
                .ToDictionaryAsync(o => o.Period, StringComparer.Ordinal, cancellationToken);
            var points = stored.Values.Select(o => new PreviewPoint(o.Period, o.Value, o.Status, o.SourceNote, o.Value, PreviewChanges.Kept))
                .ToDictionary(point => point.Period, StringComparer.Ordinal);
            foreach (var row in uploaded[key])
            {
                var before = stored.GetValueOrDefault(row.Period);
                var change = before is null ? PreviewChanges.New
                    : before.Value == row.Value && before.Status == row.Status && before.SourceNote == row.Note ? PreviewChanges.Unchanged
                    : PreviewChanges.Changed;
                points[row.Period] = new PreviewPoint(row.Period, row.Value, row.Status, row.Note, before?.Value, change);
            }

            previews.Add(new SeriesPreview(key.Indicator, key.Reporter, key.Partner, changes,
                [.. points.Values.OrderBy(point => point.Period, StringComparer.Ordinal)]));
        }

        return previews;
    }

    private async Task WriteAsync(
        List<Observation> additions, List<(Observation Old, ValidRow New)> replacements, Guid importId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using (var insert = await BulkInsert<Observation>.PrepareAsync(db, cancellationToken))
        {
            foreach (var observation in additions)
            {
                await insert.AddAsync(observation, cancellationToken);
            }
        }

        await using (var keep = await BulkInsert<ObservationRevision>.PrepareAsync(db, cancellationToken))
        {
            foreach (var (old, _) in replacements)
            {
                await keep.AddAsync(new ObservationRevision
                {
                    ObservationId = old.Id,
                    Value = old.Value,
                    Status = old.Status,
                    SourceNote = old.SourceNote,
                    UpdatedAt = old.UpdatedAt,
                    ImportId = old.ImportId,
                    ReplacedAt = now,
                    ReplacedByImportId = importId,
                }, cancellationToken);
            }
        }

        foreach (var (old, row) in replacements)
        {
            await db.Observations.Where(observation => observation.Id == old.Id).ExecuteUpdateAsync(observation => observation
                .SetProperty(o => o.Value, row.Value)
                .SetProperty(o => o.Status, row.Status)
                .SetProperty(o => o.SourceNote, row.Note)
                .SetProperty(o => o.UpdatedAt, now)
                .SetProperty(o => o.ImportId, importId), cancellationToken);
        }
    }

    /// <summary>
    /// The stored observations the rows may replace, one query per indicator over the rows' reporters, partners and
    /// periods (a superset of the rows' keys, read through the unique index).
    /// </summary>
    private async Task<Dictionary<(string Indicator, string Reporter, string Partner, string Period), Observation>> LoadStoredAsync(
        List<ValidRow> rows, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<(string, string, string, string), Observation>();
        foreach (var indicator in rows.GroupBy(row => row.Indicator.Code))
        {
            var reporters = indicator.Select(row => row.Reporter).Distinct().ToList();
            var partners = indicator.Select(row => row.Partner).Distinct().ToList();
            var periods = indicator.Select(row => row.Period).Distinct().ToList();
            var query = db.Observations.AsNoTracking().Where(observation => observation.IndicatorCode == indicator.Key
                && reporters.Contains(observation.Reporter) && partners.Contains(observation.Partner) && periods.Contains(observation.Period));
            await foreach (var observation in query.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                stored[(observation.IndicatorCode, observation.Reporter, observation.Partner, observation.Period)] = observation;
            }
        }

        return stored;
    }
}
