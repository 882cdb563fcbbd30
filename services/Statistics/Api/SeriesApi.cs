using System.ComponentModel;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics.Data;
using ForumPlatform.Statistics.Indicators;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Statistics.Api;

/// <summary>Derived figures of one reporter's series: summed over partners or a region's members, year-on-year, share of a total.</summary>
public static class SeriesApi
{
    public static RouteGroupBuilder MapSeriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/stats/indicators/{code}").WithTags("Derived figures");
        api.MapGet("/series", Values).WithName("GetSeries").Produces<SeriesResponse<SeriesPoint>>()
            .WithSummary("A reporter's series against a partner (default WLD), summed over a comma-separated list of partners or over a region's members (region=CAS).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/series/yoy", YearOnYear).WithName("GetYearOnYearChange").Produces<SeriesResponse<ChangePoint>>()
            .WithSummary("The same series with its change against the same period a year earlier, absolute and in percent.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/series/share", Share).WithName("GetShareOfTotal").Produces<SeriesResponse<SharePoint>>()
            .WithSummary("The same series as a percentage of the reporter's value against another partner (of=, default WLD).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/chart.svg", Chart).WithName("GetSeriesChart")
            .WithSummary("The series drawn as an SVG line chart.")
            .Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> Values(
        string code, [AsParameters] SeriesParameters parameters, Series series, StatisticsDbContext db, CancellationToken cancellationToken)
    {
        var (request, failure) = await parameters.ResolveAsync(code, db, cancellationToken);
        return failure ?? TypedResults.Ok(parameters.Response(request!, await series.ValuesAsync(request!, cancellationToken)));
    }

    private static async Task<IResult> YearOnYear(
        string code, [AsParameters] SeriesParameters parameters, Series series, StatisticsDbContext db, CancellationToken cancellationToken)
    {
        var (request, failure) = await parameters.ResolveAsync(code, db, cancellationToken);
        return failure ?? TypedResults.Ok(parameters.Response(request!, await series.YearOnYearAsync(request!, cancellationToken)));
    }

    private static async Task<IResult> Share(
        string code, [AsParameters] SeriesParameters parameters, Series series, StatisticsDbContext db, CancellationToken cancellationToken,
        [FromQuery] string? of)
    {
        var (request, failure) = await parameters.ResolveAsync(code, db, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var errors = new FieldErrors();
        var total = Selection.AreaCodes(of, "of", errors) ?? [Areas.World];
        if (total.Count != 1 && !errors.Any)
        {
            errors.Add("of", "One partner whose value is the total, e.g. of=WLD.");
        }

        return errors.Any
            ? errors.ToProblem()
            : TypedResults.Ok(parameters.Response(request!, await series.ShareAsync(request!, total[0], cancellationToken)));
    }

    private static async Task<IResult> Chart(
        string code, [AsParameters] SeriesParameters parameters, Series series, StatisticsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var (request, failure) = await parameters.ResolveAsync(code, db, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var points = await series.ValuesAsync(request!, cancellationToken);
        var against = parameters.Region is { } region ? $"members of {region.ToUpperInvariant()}" : string.Join(" + ", request!.Partners);
        // An SVG is a document: nothing in it may run or load, whoever opens it.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";
        return TypedResults.Text(SeriesChart.Render(request!.Indicator, $"{request.Reporter} → {against}", points), "image/svg+xml; charset=utf-8");
    }
}

/// <summary>The query parameters every derived figure takes.</summary>
public sealed class SeriesParameters
{
    [FromQuery(Name = "reporter"), Description("The reporting country or region: ISO 3166 alpha-3 or WLD, CAS, CAREC.")]
    public string? Reporter { get; init; }

    [FromQuery(Name = "partner"), Description("One partner, or a comma-separated list whose values are summed (default WLD).")]
    public string? Partner { get; init; }

    [FromQuery(Name = "region"), Description("Instead of partners: a region whose member countries' values are summed (CAS, CAREC).")]
    public string? Region { get; init; }

    [FromQuery(Name = "from")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    public string? To { get; init; }

    internal async Task<(SeriesRequest? Request, IResult? Failure)> ResolveAsync(string code, StatisticsDbContext db, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(found => found.Code == code, cancellationToken);
        if (indicator is null)
        {
            return (null, IndicatorsApi.NotFound(code));
        }

        var errors = new FieldErrors();
        var reporters = Selection.AreaCodes(Reporter, "reporter", errors);
        if (reporters is not { Count: 1 } && !errors.Has("reporter"))
        {
            errors.Add("reporter", "One reporter, e.g. reporter=CHN.");
        }

        var partners = Selection.AreaCodes(Partner, "partner", errors);
        if (Region is not null)
        {
            if (partners is not null)
            {
                errors.Add("region", "Give partner or region, not both.");
            }
            else if (Areas.Find(Region) is { IsRegion: true } region)
            {
                partners = region.Members;
            }
            else
            {
                errors.Add("region", "A region with members: CAS or CAREC.");
            }
        }

        var (from, to) = Selection.Range(indicator, From, To, errors);
        if (errors.Any)
        {
            return (null, errors.ToProblem());
        }

        return (new SeriesRequest(indicator, reporters![0], partners ?? [Areas.World], from, to), null);
    }

    internal SeriesResponse<TPoint> Response<TPoint>(SeriesRequest request, IReadOnlyList<TPoint> points) => new(
        IndicatorResponse.From(request.Indicator), request.Reporter, request.Partners, Region?.ToUpperInvariant(), points);
}
