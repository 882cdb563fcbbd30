using System.Globalization;
using System.Xml.Linq;
using ForumPlatform.Statistics.Data;

namespace ForumPlatform.Statistics.Indicators;

/// <summary>
/// A plain SVG line chart of one series: title, unit, value axis with a few ticks, one point per period, gaps where a
/// value is missing, and each point's value as a tooltip. Built with LINQ to XML, so every text is escaped.
/// </summary>
public static class SeriesChart
{
    private const int Width = 760;
    private const int Height = 380;
    private const int Left = 80;
    private const int Right = 20;
    private const int Top = 50;
    private const int Bottom = 60;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(Indicator indicator, string subtitle, IReadOnlyList<SeriesPoint> points)
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var values = points.Where(point => point.Value is not null).Select(point => point.Value!.Value).ToList();
        var (low, high) = values.Count == 0 ? (0m, 1m) : (Math.Min(0m, values.Min()), values.Max());
        if (high == low)
        {
            high = low + 1m;
        }

        // The value axis ends on a gridline, so the highest point never touches the title.
        var step = TickStep(low, high);
        high = Math.Ceiling(high / step) * step;

        double X(int index) => Left + (points.Count == 1 ? plotWidth / 2.0 : index * plotWidth / (double)(points.Count - 1));
        double Y(decimal value) => Top + plotHeight - (double)((value - low) / (high - low)) * plotHeight;

        var unit = indicator.Scale switch
        {
            0 => indicator.Unit,
            3 => $"thousand {indicator.Unit}",
            6 => $"million {indicator.Unit}",
            9 => $"billion {indicator.Unit}",
            12 => $"trillion {indicator.Unit}",
            _ => $"{indicator.Unit} × 10^{indicator.Scale}",
        };
        var name = indicator.IsSampleData && !indicator.Name.Contains("sample data", StringComparison.OrdinalIgnoreCase)
            ? $"{indicator.Name} (sample data)"
            : indicator.Name;
        var chart = new XElement(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {Width} {Height}"),
            new XAttribute("width", Width), new XAttribute("height", Height),
            new XAttribute("role", "img"), new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", 12),
            new XElement(Svg + "title", $"{indicator.Name}: {subtitle}"),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "#ffffff")),
            Text(Left, 22, name, 15, "bold"),
            Text(Left, 40, $"{subtitle} · {unit} · source: {indicator.SourceOrganization}", 11, null, "#555555"));

        foreach (var tick in Ticks(low, high, step))
        {
            var y = Y(tick);
            chart.Add(Line(Left, y, Width - Right, y, "#e0e0e0"), Text(Left - 8, y + 4, Format(tick), 11, null, "#555555", "end"));
        }

        chart.Add(Line(Left, Top + plotHeight, Width - Right, Top + plotHeight, "#888888"));
        var labelEvery = Math.Max(1, (int)Math.Ceiling(points.Count / 12.0));
        for (var index = 0; index < points.Count; index += labelEvery)
        {
            chart.Add(Text(X(index), Top + plotHeight + 18, points[index].Period, 11, null, "#555555", "middle"));
        }

        // One polyline per run of known values, so a missing period shows as a gap rather than a guess.
        var run = new List<string>();
        void EndRun()
        {
            if (run.Count > 1)
            {
                chart.Add(new XElement(Svg + "polyline", new XAttribute("points", string.Join(' ', run)),
                    new XAttribute("fill", "none"), new XAttribute("stroke", "#1f77b4"), new XAttribute("stroke-width", 2)));
            }

            run.Clear();
        }

        for (var index = 0; index < points.Count; index++)
        {
            if (points[index].Value is not { } value)
            {
                EndRun();
                continue;
            }

            run.Add(string.Create(CultureInfo.InvariantCulture, $"{X(index):0.#},{Y(value):0.#}"));
        }

        EndRun();
        for (var index = 0; index < points.Count; index++)
        {
            if (points[index].Value is { } value)
            {
                chart.Add(new XElement(Svg + "circle",
                    new XAttribute("cx", X(index).ToString("0.#", CultureInfo.InvariantCulture)),
                    new XAttribute("cy", Y(value).ToString("0.#", CultureInfo.InvariantCulture)),
                    new XAttribute("r", 3.5), new XAttribute("fill", "#1f77b4"),
                    new XElement(Svg + "title", $"{points[index].Period}: {Format(value)} {unit}")));
            }
        }

        if (values.Count == 0)
        {
            chart.Add(Text(Left + plotWidth / 2.0, Top + plotHeight / 2.0, "No values for this selection.", 13, null, "#555555", "middle"));
        }

        return chart.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>A "nice" step (1, 2 or 5 × 10^n) giving about five gridlines.</summary>
    private static decimal TickStep(decimal low, decimal high)
    {
        var raw = (high - low) / 5m;
        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)raw)));
        var normalized = raw / magnitude;
        return magnitude * (normalized < 1.5m ? 1 : normalized < 3m ? 2 : normalized < 7m ? 5 : 10);
    }

    private static IEnumerable<decimal> Ticks(decimal low, decimal high, decimal step)
    {
        for (var tick = Math.Ceiling(low / step) * step; tick <= high; tick += step)
        {
            yield return tick;
        }
    }

    /// <summary>
    /// As many decimals as a value can have (<see cref="IndicatorLimits.MaxValueDecimals"/>), so small values and the
    /// ticks between them are not rounded to the same label.
    /// </summary>
    private static string Format(decimal value) => value.ToString("#,##0.##########", CultureInfo.InvariantCulture);

    private static XElement Line(double x1, double y1, double x2, double y2, string stroke) => new(Svg + "line",
        new XAttribute("x1", x1.ToString("0.#", CultureInfo.InvariantCulture)), new XAttribute("y1", y1.ToString("0.#", CultureInfo.InvariantCulture)),
        new XAttribute("x2", x2.ToString("0.#", CultureInfo.InvariantCulture)), new XAttribute("y2", y2.ToString("0.#", CultureInfo.InvariantCulture)),
        new XAttribute("stroke", stroke));

    private static XElement Text(double x, double y, string text, int size, string? weight = null, string fill = "#222222", string anchor = "start")
    {
        var element = new XElement(Svg + "text",
            new XAttribute("x", x.ToString("0.#", CultureInfo.InvariantCulture)), new XAttribute("y", y.ToString("0.#", CultureInfo.InvariantCulture)),
            new XAttribute("font-size", size), new XAttribute("fill", fill), new XAttribute("text-anchor", anchor), text);
        if (weight is not null)
        {
            element.Add(new XAttribute("font-weight", weight));
        }

        return element;
    }
}
