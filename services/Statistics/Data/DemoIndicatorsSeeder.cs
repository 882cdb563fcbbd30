using System.Globalization;
using ForumPlatform.Database;
using ForumPlatform.Statistics.Indicators;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Statistics.Data;

/// <summary>
/// Demo content for Development, loaded when there is no indicator: the figures the Tianshan Forum 2025 news gives
/// (China–Central Asia trade of $94.8 billion in 2024; the CAREC Institute's 180+ studies, 2,000+ officials trained and
/// 150 programs since 2015), and one indicator of invented bilateral figures, marked as sample data, to show the
/// derived figures. Values go through the importer, so they raise IndicatorUpdated like any import.
/// </summary>
internal sealed class DemoIndicatorsSeeder(IHostEnvironment environment, ObservationImporter importer, TimeProvider clock)
    : IDatabaseSeeder<StatisticsDbContext>
{
    private const string News = "As reported at the Tianshan Forum 2025 (Urumqi, 2–3 December 2025).";
    private const string CarecInstitute = "CAREC Institute";
    private const string CarecInstituteUrl = "https://www.carecinstitute.org/";

    public async Task SeedAsync(StatisticsDbContext db, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || await db.Indicators.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow();
        await using (var write = await db.BeginWriteAsync(cancellationToken))
        {
            db.Indicators.AddRange(
                Define("trade.china-central-asia.usd", "China–Central Asia trade in goods", "USD", 9, Frequency.Annual,
                    "Total trade in goods between China and the five Central Asian countries, in billions of US dollars.", now),
                Define("carec-institute.studies", "CAREC Institute studies since 2015", "count", 0, Frequency.Annual,
                    "Studies produced since the CAREC Institute's Urumqi base opened in 2015 (cumulative; the news says more than 180).", now),
                Define("carec-institute.officials-trained", "Officials trained by the CAREC Institute since 2015", "count", 0, Frequency.Annual,
                    "Government officials trained since 2015 (cumulative; the news says more than 2,000).", now),
                Define("carec-institute.programs", "CAREC Institute programs since 2015", "count", 0, Frequency.Annual,
                    "Programs run since 2015 (cumulative).", now),
                new Indicator
                {
                    Code = "sample.trade.china-bilateral.usd",
                    Name = "China's trade in goods by partner (sample data)",
                    Unit = "USD",
                    Scale = 9,
                    Frequency = Frequency.Annual,
                    Description = "Invented figures for the ForumPlatform demo, not statistics: China's trade with each Central Asian " +
                                  "country and with the world, in billions of US dollars. The five countries sum to the reported 94.8 for 2024.",
                    SourceOrganization = "ForumPlatform demo (sample data)",
                    IsSampleData = true,
                    UpdatedAt = now,
                });
            await write.CommitAsync(cancellationToken);
        }

        var rows = new List<UploadedRow>
        {
            Row("trade.china-central-asia.usd", "CHN", "CAS", "2024", "94.8", News),
            Row("carec-institute.studies", "CAREC", "WLD", "2025", "180", "More than 180 since 2015. " + News),
            Row("carec-institute.officials-trained", "CAREC", "WLD", "2025", "2000", "More than 2,000 since 2015. " + News),
            Row("carec-institute.programs", "CAREC", "WLD", "2025", "150", "150 since 2015. " + News),
        };
        var sample = new (string Partner, decimal[] Values)[]
        {
            ("KAZ", [21.4m, 25.2m, 31.0m, 41.0m, 43.8m]),
            ("KGZ", [2.9m, 7.5m, 15.5m, 19.7m, 22.7m]),
            ("TJK", [1.1m, 1.9m, 2.6m, 3.9m, 3.9m]),
            ("TKM", [6.5m, 7.4m, 11.2m, 10.0m, 10.6m]),
            ("UZB", [6.6m, 8.1m, 9.8m, 14.0m, 13.8m]),
            ("WLD", [4650m, 6050m, 6310m, 5940m, 6160m]),
        };
        foreach (var (partner, values) in sample)
        {
            rows.AddRange(values.Select((value, index) => Row(
                "sample.trade.china-bilateral.usd", "CHN", partner, (2020 + index).ToString(CultureInfo.InvariantCulture),
                value.ToString(CultureInfo.InvariantCulture), "Sample data.")));
        }

        var numbered = rows.Select((uploaded, index) => uploaded with { Row = index + 1 });
        await importer.ImportAsync(numbered.ToAsyncEnumerable(), "json", dryRun: false, "demo", "Demo data", cancellationToken);
    }

    private static Indicator Define(string code, string name, string unit, int scale, Frequency frequency, string description, DateTimeOffset now) => new()
    {
        Code = code,
        Name = name,
        Unit = unit,
        Scale = scale,
        Frequency = frequency,
        Description = description,
        SourceOrganization = CarecInstitute,
        SourceUrl = CarecInstituteUrl,
        UpdatedAt = now,
    };

    private static UploadedRow Row(string indicator, string reporter, string partner, string period, string value, string note) =>
        new(0, null, indicator, reporter, partner, period, value, null, note);
}
