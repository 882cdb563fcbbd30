using ForumPlatform.Statistics.Data;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Statistics.Indicators;

/// <summary>A value of a series; where several partners are summed, those without a value are named.</summary>
public sealed record SeriesPoint(string Period, decimal? Value, IReadOnlyList<string> MissingPartners);

/// <summary>Change against the same period a year earlier.</summary>
public sealed record ChangePoint(string Period, decimal? Value, decimal? PreviousValue, decimal? Change, decimal? ChangePercent);

/// <summary>A value as a share of a total, in percent.</summary>
public sealed record SharePoint(string Period, decimal? Value, decimal? Total, decimal? SharePercent);

/// <summary>What a series is: an indicator, one reporter, and the partners whose values are summed.</summary>
public sealed record SeriesRequest(Indicator Indicator, string Reporter, IReadOnlyList<string> Partners, Period? From, Period? To);

/// <summary>
/// Derived figures, computed from the stored observations on request: a series (summed over several partners or a
/// region's members), its year-on-year change, and its share of a total.
/// </summary>
public sealed class Series(StatisticsDbContext db)
{
    /// <summary>Percentages are rounded to this many decimals.</summary>
    public const int PercentDecimals = 4;

    /// <summary>
    /// The series by period, oldest first. A sum over partners counts the values that exist; a period where none
    /// exists has no value.
    /// </summary>
    public async Task<IReadOnlyList<SeriesPoint>> ValuesAsync(SeriesRequest request, CancellationToken cancellationToken)
    {
        var observations = await LoadAsync(request, request.From, cancellationToken);
        return Sum(observations, request.Partners);
    }

    public async Task<IReadOnlyList<ChangePoint>> YearOnYearAsync(SeriesRequest request, CancellationToken cancellationToken)
    {
        // Read one year further back, so the first period in range has its predecessor.
        var observations = await LoadAsync(request, request.From?.YearEarlier(), cancellationToken);
        var values = Sum(observations, request.Partners).ToDictionary(point => point.Period, point => point.Value);
        return values
            .Where(pair => request.From is null || string.CompareOrdinal(pair.Key, request.From.Value.ToString()) >= 0)
            .Select(pair =>
            {
                Period.TryParse(pair.Key, request.Indicator.Frequency, out var period, out _);
                var previous = values.GetValueOrDefault(period.YearEarlier().ToString());
                var change = pair.Value - previous;
                return new ChangePoint(pair.Key, pair.Value, previous, change, Percent(change, previous));
            })
            .ToList();
    }

    public async Task<IReadOnlyList<SharePoint>> ShareAsync(SeriesRequest request, string totalPartner, CancellationToken cancellationToken)
    {
        // One read for the parts and the total.
        var observations = await LoadAsync(request with { Partners = [.. request.Partners, totalPartner] }, request.From, cancellationToken);
        var parts = Sum(observations.Where(observation => request.Partners.Contains(observation.Partner)).ToList(), request.Partners);
        var totals = Sum(observations.Where(observation => observation.Partner == totalPartner).ToList(), [totalPartner])
            .ToDictionary(point => point.Period, point => point.Value);
        return parts
            .Select(part =>
            {
                var total = totals.GetValueOrDefault(part.Period);
                return new SharePoint(part.Period, part.Value, total, Percent(part.Value, total));
            })
            .ToList();
    }

    private async Task<List<Observation>> LoadAsync(SeriesRequest request, Period? from, CancellationToken cancellationToken)
    {
        var query = db.Observations.AsNoTracking().Where(observation =>
            observation.IndicatorCode == request.Indicator.Code
            && observation.Reporter == request.Reporter
            && request.Partners.Contains(observation.Partner));
        return await query.InPeriods(from, request.To).ToListAsync(cancellationToken);
    }

    private static List<SeriesPoint> Sum(List<Observation> observations, IReadOnlyList<string> partners) => observations
        .GroupBy(observation => observation.Period)
        .OrderBy(period => period.Key, StringComparer.Ordinal)
        .Select(period =>
        {
            var known = period.Where(observation => observation.Value is not null).ToList();
            var missing = partners.Except(known.Select(observation => observation.Partner)).ToList();
            return new SeriesPoint(period.Key, known.Count == 0 ? null : known.Sum(observation => observation.Value!.Value), missing);
        })
        .ToList();

    private static decimal? Percent(decimal? part, decimal? whole)
    {
        if (part is null || whole is null or 0m)
        {
            return null;
        }

        try
        {
            return Math.Round(part.Value / whole.Value * 100m, PercentDecimals, MidpointRounding.AwayFromZero);
        }
        catch (OverflowException)
        {
            // A sum of large parts over a tiny whole: a percentage past decimal's range means nothing either.
            return null;
        }
    }
}
