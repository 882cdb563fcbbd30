using System.Globalization;
using ForumPlatform.Statistics.Data;

namespace ForumPlatform.Statistics.Indicators;

/// <summary>
/// A period of an indicator's frequency: <c>2024</c>, <c>2024-Q3</c> or <c>2024-07</c>. The text forms sort
/// chronologically within one frequency, which is what the observations index relies on.
/// </summary>
public readonly record struct Period(Frequency Frequency, int Year, int Part)
{
    public override string ToString() => Frequency switch
    {
        Frequency.Annual => Year.ToString("D4", CultureInfo.InvariantCulture),
        Frequency.Quarterly => $"{Year:D4}-Q{Part}",
        _ => $"{Year:D4}-{Part:D2}",
    };

    /// <summary>The same period a year earlier, for year-on-year change.</summary>
    public Period YearEarlier() => this with { Year = Year - 1 };

    /// <summary>Parses a period that must be of <paramref name="frequency"/>; the error says what it should look like.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, Frequency frequency, out Period period, out string? error)
    {
        period = default;
        error = null;
        text = text.Trim();
        if (text.Length < 4 || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1800 || year > 2200)
        {
            error = $"'{text}' is not a period; {Example(frequency)}.";
            return false;
        }

        var rest = text[4..];
        switch (frequency)
        {
            case Frequency.Annual when rest.IsEmpty:
                period = new Period(frequency, year, 0);
                return true;
            case Frequency.Quarterly when rest.Length == 3 && rest[0] == '-' && (rest[1] is 'Q' or 'q') && rest[2] is >= '1' and <= '4':
                period = new Period(frequency, year, rest[2] - '0');
                return true;
            case Frequency.Monthly when rest.Length == 3 && rest[0] == '-'
                && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12:
                period = new Period(frequency, year, month);
                return true;
            default:
                error = $"'{text}' is not a {frequency.ToString().ToLowerInvariant()} period; {Example(frequency)}.";
                return false;
        }
    }

    /// <summary>
    /// A range bound given as a year (or a period of the indicator's own frequency): a year widens to its first or
    /// last period, so <c>from=2020&amp;to=2024</c> works for monthly indicators too.
    /// </summary>
    public static bool TryParseBound(string text, Frequency frequency, bool upper, out Period period, out string? error)
    {
        if (frequency != Frequency.Annual && text.Trim().Length == 4
            && TryParse(text, Frequency.Annual, out var year, out error))
        {
            period = new Period(frequency, year.Year, upper ? (frequency == Frequency.Quarterly ? 4 : 12) : 1);
            return true;
        }

        return TryParse(text, frequency, out period, out error);
    }

    private static string Example(Frequency frequency) => frequency switch
    {
        Frequency.Annual => "annual periods look like 2024",
        Frequency.Quarterly => "quarterly periods look like 2024-Q3",
        _ => "monthly periods look like 2024-07",
    };
}
