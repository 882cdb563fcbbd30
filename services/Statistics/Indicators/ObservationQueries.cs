using ForumPlatform.Statistics.Data;

namespace ForumPlatform.Statistics.Indicators;

public static class ObservationQueries
{
    /// <summary>
    /// Observations in the periods from <paramref name="from"/> to <paramref name="to"/>, each end open when null.
    /// Period texts of one frequency sort in time order, so the bounds compare as text (and use the index).
    /// </summary>
    public static IQueryable<Observation> InPeriods(this IQueryable<Observation> query, Period? from, Period? to)
    {
        if (from is { } lower)
        {
            var bound = lower.ToString();
            query = query.Where(observation => string.Compare(observation.Period, bound) >= 0);
        }

        if (to is { } upper)
        {
            var bound = upper.ToString();
            query = query.Where(observation => string.Compare(observation.Period, bound) <= 0);
        }

        return query;
    }
}
