using System.Collections.Frozen;

namespace ForumPlatform.Statistics.Indicators;

/// <summary>A reporter or partner: a country, a region made of countries, or the world.</summary>
public sealed record Area(string Code, string Name, IReadOnlyList<string> Members)
{
    public bool IsRegion => Members.Count > 0;
}

/// <summary>
/// The codes observations may use: ISO 3166-1 alpha-3 country codes (the list Debian's iso-codes 4.15 ships,
/// embedded) and a few documented regions. Codes are upper case; input is matched case-insensitively.
/// </summary>
public static class Areas
{
    /// <summary>The world as a partner: a reporter's total with every partner.</summary>
    public const string World = "WLD";

    /// <summary>Central Asia: Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan.</summary>
    public const string CentralAsia = "CAS";

    /// <summary>The eleven members of the Central Asia Regional Economic Cooperation programme.</summary>
    public const string Carec = "CAREC";

    private static readonly Area[] Regions =
    [
        new(World, "World", []),
        new(CentralAsia, "Central Asia", ["KAZ", "KGZ", "TJK", "TKM", "UZB"]),
        new(Carec, "CAREC member countries", ["AFG", "AZE", "CHN", "GEO", "KAZ", "KGZ", "MNG", "PAK", "TJK", "TKM", "UZB"]),
    ];

    private static readonly FrozenDictionary<string, Area> ByCode = LoadCountries()
        .Concat(Regions)
        .ToFrozenDictionary(area => area.Code, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<Area> All => ByCode.Values.OrderBy(area => area.Code, StringComparer.Ordinal);

    /// <summary>The area for a code in any case, or null when the code is unknown.</summary>
    public static Area? Find(ReadOnlySpan<char> code) =>
        ByCode.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(code.Trim(), out var area) ? area : null;

    private static IEnumerable<Area> LoadCountries()
    {
        using var stream = typeof(Areas).Assembly.GetManifestResourceStream("ForumPlatform.Statistics.Indicators.iso3166-countries.csv")
            ?? throw new InvalidOperationException("The embedded ISO 3166 country list is missing.");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header: code,name
        var countries = new List<Area>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            countries.Add(new Area(line[..comma], line[(comma + 1)..].Trim('"'), []));
        }

        return countries;
    }
}
