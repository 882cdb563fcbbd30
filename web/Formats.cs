using System.Globalization;

namespace ForumPlatform.Web;

/// <summary>How pages write dates, times and figures, in the reader's language.</summary>
public static class Formats
{
    public static TimeZoneInfo Zone(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>A time of day in <paramref name="zone"/> on the 24-hour clock, as programmes print it: 09:30.</summary>
    public static string Time(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A day with its weekday, such as Tuesday, 2 December 2025.</summary>
    public static string Day(DateOnly day) => day.ToString("D", CultureInfo.CurrentCulture);

    public static string Day(DateTimeOffset at, TimeZoneInfo zone) => Day(ForumDay(at, zone));

    /// <summary>A day and a time of day in <paramref name="zone"/>, for logs and histories: Tuesday, 2 December 2025 09:30.</summary>
    public static string Moment(DateTimeOffset at, TimeZoneInfo zone) => $"{Day(at, zone)} {Time(at, zone)}";

    /// <summary>The calendar day an instant falls on in <paramref name="zone"/>.</summary>
    public static DateOnly ForumDay(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    /// <summary>A date and time on the clocks of <paramref name="zone"/> (as a form takes it) as an instant.</summary>
    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone) => new(local, zone.GetUtcOffset(local));

    /// <summary>The machine-readable form of an instant for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// A figure as readers say it: <paramref name="value"/> × 10^<paramref name="scale"/> of <paramref name="unit"/>, with
    /// the scale as a word (94.8 billion) and US dollars as US$.
    /// </summary>
    public static string Amount(decimal value, string unit, int scale, Func<string, string, string> scaleWord)
    {
        var number = value.ToString("#,0.##", CultureInfo.CurrentCulture);
        var scaled = scale switch
        {
            12 => scaleWord("{0} trillion", number),
            9 => scaleWord("{0} billion", number),
            6 => scaleWord("{0} million", number),
            3 => scaleWord("{0} thousand", number),
            0 => number,
            _ => $"{number} × 10^{scale}",
        };
        return unit switch
        {
            "USD" => $"US$ {scaled}",
            "count" or "" => scaled,
            _ => $"{scaled} {unit}",
        };
    }

    /// <summary>The unit a table's values are in: "US$ billion", or "count" for plain numbers.</summary>
    public static string Unit(string unit, int scale, Func<string, string> word)
    {
        var scaleName = scale switch
        {
            12 => word("trillion"),
            9 => word("billion"),
            6 => word("million"),
            3 => word("thousand"),
            0 => "",
            _ => $"× 10^{scale}",
        };
        var unitName = unit switch
        {
            "USD" => "US$",
            "count" => "",
            _ => unit,
        };
        var label = string.Join(' ', new[] { unitName, scaleName }.Where(part => part.Length > 0));
        return label.Length > 0 ? label : word("count");
    }
}
