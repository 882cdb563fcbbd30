using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics.Data;
using ForumPlatform.Statistics.Indicators;

namespace ForumPlatform.Statistics.Api;

/// <summary>Reads the query parameters that pick observations; every problem is keyed by its parameter.</summary>
internal static class Selection
{
    /// <summary>A comma-separated list of area codes, upper-cased; null when the parameter is absent.</summary>
    public static IReadOnlyList<string>? AreaCodes(string? text, string parameter, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var codes = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Areas.Find(part) is { } area)
            {
                codes.Add(area.Code);
            }
            else
            {
                errors.Add(parameter, $"Unknown country or region code '{part}'; see /api/stats/areas.");
            }
        }

        return codes.Distinct().ToList();
    }

    public static (Period? From, Period? To) Range(Indicator indicator, string? from, string? to, FieldErrors errors)
    {
        Period? lower = null, upper = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (Period.TryParseBound(from, indicator.Frequency, upper: false, out var period, out var error))
            {
                lower = period;
            }
            else
            {
                errors.Add("from", error!);
            }
        }

        if (!string.IsNullOrWhiteSpace(to))
        {
            if (Period.TryParseBound(to, indicator.Frequency, upper: true, out var period, out var error))
            {
                upper = period;
            }
            else
            {
                errors.Add("to", error!);
            }
        }

        return (lower, upper);
    }
}
