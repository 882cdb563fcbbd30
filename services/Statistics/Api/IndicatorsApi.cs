using System.Text.RegularExpressions;
using ForumPlatform.Contracts;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics.Data;
using ForumPlatform.Statistics.Indicators;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace ForumPlatform.Statistics.Api;

public static partial class IndicatorsApi
{
    public static RouteGroupBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/stats").WithTags("Indicators");
        api.MapGet("/indicators", ListIndicators).WithName("ListIndicators")
            .WithSummary("Every indicator with its unit, scale, source and frequency.")
            .Produces(StatusCodes.Status304NotModified);
        api.MapGet("/indicators/{code}", GetIndicator).WithName("GetIndicator")
            .WithSummary("One indicator's definition.")
            .Produces(StatusCodes.Status304NotModified);
        api.MapPut("/indicators/{code}", DefineIndicator).WithName("DefineIndicator")
            .WithSummary("Defines an indicator or changes its definition (analyst). Its frequency is fixed once it has observations. " +
                         "With If-None-Match: * it only defines a new one (412 when the code is taken).")
            .RequireAuthorization(ForumPolicies.Analyst);
        api.MapGet("/areas", ListAreas).WithName("ListAreas")
            .WithSummary("The reporter and partner codes: ISO 3166 alpha-3 countries and the regions WLD, CAS and CAREC with their members.");
        return api;
    }

    private static async Task<IResult> ListIndicators(HttpContext http, StatisticsDbContext db, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().OrderBy(indicator => indicator.Code).ToListAsync(cancellationToken);
        return JsonETag.Respond(http, indicators.Select(IndicatorResponse.From).ToList());
    }

    private static async Task<IResult> GetIndicator(string code, HttpContext http, StatisticsDbContext db, CancellationToken cancellationToken)
    {
        var indicator = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(indicator => indicator.Code == code, cancellationToken);
        return indicator is null ? NotFound(code) : JsonETag.Respond(http, IndicatorResponse.From(indicator));
    }

    private static async Task<Results<Ok<IndicatorResponse>, Created<IndicatorResponse>, ValidationProblem, ProblemHttpResult>> DefineIndicator(
        string code, IndicatorRequest request, HttpRequest http, StatisticsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (code.Length > IndicatorLimits.Code || !CodePattern().IsMatch(code))
        {
            errors.Add("code", "Use lower-case words separated by dots, e.g. trade.total.usd.");
        }

        if (request.Validate(errors) is not { } frequency || errors.Any)
        {
            return errors.ToProblem();
        }

        // In one write: two first definitions of one code cannot both insert it, and the frequency check sees every
        // observation an import has committed.
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var indicator = await db.Indicators.SingleOrDefaultAsync(existing => existing.Code == code, cancellationToken);
        var created = indicator is null;
        if (!created && http.GetTypedHeaders().IfNoneMatch.Contains(EntityTagHeaderValue.Any))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The code is taken.",
                detail: $"'{code}' is defined already; choose another code, or edit that indicator.");
        }

        if (indicator is null)
        {
            indicator = new Indicator { Code = code, Name = "", Unit = "", SourceOrganization = "" };
            db.Indicators.Add(indicator);
        }
        else if (indicator.Frequency != frequency
            && await db.Observations.AnyAsync(observation => observation.IndicatorCode == code, cancellationToken))
        {
            return TypedResults.Problem(
                title: "The frequency cannot change.",
                detail: $"'{code}' has observations with {indicator.Frequency.ToString().ToLowerInvariant()} periods; define a new indicator instead.",
                statusCode: StatusCodes.Status409Conflict);
        }

        indicator.Name = request.Name.Trim();
        indicator.Unit = request.Unit.Trim();
        indicator.Scale = request.Scale ?? 0;
        indicator.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        indicator.SourceOrganization = request.Source.Organization.Trim();
        indicator.SourceUrl = string.IsNullOrWhiteSpace(request.Source.Url) ? null : request.Source.Url.Trim();
        indicator.Frequency = frequency;
        indicator.UpdatedAt = clock.GetUtcNow();
        await write.CommitAsync(cancellationToken);

        var response = IndicatorResponse.From(indicator);
        return created ? TypedResults.Created($"/api/stats/indicators/{code}", response) : TypedResults.Ok(response);
    }

    private static Ok<List<AreaResponse>> ListAreas() =>
        TypedResults.Ok(Areas.All.Select(area => new AreaResponse(area.Code, area.Name, area.Members)).ToList());

    internal static ProblemHttpResult NotFound(string code) => TypedResults.Problem(
        title: "Unknown indicator.", detail: $"There is no indicator '{code}'.", statusCode: StatusCodes.Status404NotFound);

    [GeneratedRegex(IndicatorCodes.Pattern)]
    private static partial Regex CodePattern();
}
