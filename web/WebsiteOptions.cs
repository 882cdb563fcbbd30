namespace ForumPlatform.Web;

/// <summary>The website's settings (section <c>Website</c>).</summary>
public sealed class WebsiteOptions
{
    public const string SectionName = "Website";

    /// <summary>The gateway: every read and write goes through its API, as any client's would.</summary>
    public Uri Gateway { get; set; } = new("http://gateway");

    /// <summary>
    /// The OpenID Connect provider readers sign in with: the identity service's issuer, the gateway's public address
    /// (the app host sets it). Without it nobody can sign in.
    /// </summary>
    public Uri? Authority { get; set; }

    /// <summary>The website's client at the identity service (the gateway knows the website's calls by it).</summary>
    public string ClientId { get; set; } = "forum-web";

    /// <summary>Its secret; required outside Development.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The site's name in titles and the header.</summary>
    public string SiteName { get; set; } = "Tianshan Forum";

    /// <summary>The time zone of the dates on news pages (IANA id); the agenda uses each forum's own.</summary>
    public string TimeZone { get; set; } = "Asia/Urumqi";

    public HeadlineOptions Headline { get; set; } = new();

    /// <summary>
    /// Where analysts' CSV uploads wait between their check and their import (default: a folder in the temp
    /// directory). Website replicas behind one address need a folder they share.
    /// </summary>
    public string? UploadsPath { get; set; }
}

/// <summary>The figures the home page leads with, and the chart beside them.</summary>
public sealed class HeadlineOptions
{
    public List<FigureSelection> Figures { get; set; } = [];

    public FigureSelection? Chart { get; set; }
}

/// <summary>One series of an indicator: a reporter and a partner (or the sum over a region's members).</summary>
public sealed class FigureSelection
{
    public string Indicator { get; set; } = "";

    public string Reporter { get; set; } = "";

    public string? Partner { get; set; }

    public string? Region { get; set; }
}
