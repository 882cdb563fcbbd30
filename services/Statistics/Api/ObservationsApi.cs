using System.Globalization;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics.Data;
using ForumPlatform.Statistics.Indicators;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using nietras.SeparatedValues;

namespace ForumPlatform.Statistics.Api;

public static class ObservationsApi
{
    public const int DefaultPerPage = 100;
    public const int MaxPerPage = 1000;
    public const int MaxPage = 1_000_000;

    public static RouteGroupBuilder MapObservationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/stats/observations").WithTags("Observations");
        api.MapGet("/", Query).WithName("QueryObservations")
            .WithSummary("Observations of one indicator by reporter, partner and period range: JSON pages, or every match as CSV " +
                         "(format=csv or Accept: text/csv). The CSV can be uploaded again as it is.")
            .Produces<ObservationPage>().Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status304NotModified).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/history", History).WithName("ObservationHistory")
            .WithSummary("One observation with the values imports replaced, newest first.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> Query(
        HttpContext http, StatisticsDbContext db, CancellationToken cancellationToken,
        [FromQuery] string? indicator, [FromQuery] string? reporter, [FromQuery] string? partner,
        [FromQuery] string? from, [FromQuery] string? to, [FromQuery] int? page, [FromQuery] int? perPage, [FromQuery] string? format)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(indicator))
        {
            return FieldErrors.Problem("indicator", "Name the indicator, e.g. indicator=trade.total.usd.");
        }

        var definition = await db.Indicators.AsNoTracking().SingleOrDefaultAsync(found => found.Code == indicator, cancellationToken);
        if (definition is null)
        {
            return IndicatorsApi.NotFound(indicator);
        }

        var reporters = Selection.AreaCodes(reporter, "reporter", errors);
        var partners = Selection.AreaCodes(partner, "partner", errors);
        var (lower, upper) = Selection.Range(definition, from, to, errors);
        if (page is < 1 or > MaxPage)
        {
            // Past MaxPage, the offset (page − 1) × perPage would not fit an int; no indicator has that many rows anyway.
            errors.Add("page", $"From 1 to {MaxPage:N0}.");
        }

        if (perPage is < 1 or > MaxPerPage)
        {
            errors.Add("perPage", $"From 1 to {MaxPerPage}.");
        }

        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase)
            || (format is null && http.Request.GetTypedHeaders().Accept.Any(accept => accept.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)));
        if (format is not null && !csv && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("format", "json or csv.");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var query = db.Observations.AsNoTracking().Where(observation => observation.IndicatorCode == definition.Code);
        if (reporters is not null)
        {
            query = query.Where(observation => reporters.Contains(observation.Reporter));
        }

        if (partners is not null)
        {
            query = query.Where(observation => partners.Contains(observation.Partner));
        }

        query = query.InPeriods(lower, upper).OrderBy(observation => observation.Reporter).ThenBy(observation => observation.Partner).ThenBy(observation => observation.Period);
        if (csv)
        {
            return new ObservationsCsvResult(definition, query);
        }

        // The indicator's kept stamps change with every edit of its definition and every import that stores a value, so
        // with the query they name the answer: a client that has it gets 304 without a row being read.
        if (ConditionalGet.IsNotModified(http, ObservationsETag(definition, http.Request.QueryString)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var size = perPage ?? DefaultPerPage;
        var number = page ?? 1;
        int total;
        DateTimeOffset? lastUpdated;
        if (reporters is null && partners is null && lower is null && upper is null)
        {
            // The whole indicator: its kept totals, not an aggregate over every row.
            (total, lastUpdated) = (definition.ObservationCount, definition.ObservationsUpdatedAt);
        }
        else
        {
            var summary = await query
                .GroupBy(_ => 1)
                .Select(all => new { Total = all.Count(), LastUpdated = all.Max(observation => observation.UpdatedAt) })
                .SingleOrDefaultAsync(cancellationToken);
            (total, lastUpdated) = (summary?.Total ?? 0, summary?.LastUpdated);
        }

        var observations = await query.Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ObservationPage(
            new PageHeader(number, (total + size - 1) / size, size, total, lastUpdated),
            IndicatorResponse.From(definition),
            observations.Select(ToResponse).ToList()));
    }

    private static EntityTagHeaderValue ObservationsETag(Indicator definition, QueryString query) =>
        ConditionalGet.ETagOf(string.Create(CultureInfo.InvariantCulture,
            $"{definition.UpdatedAt.UtcTicks}|{definition.ObservationsUpdatedAt?.UtcTicks}|{definition.ObservationCount}|{query}"));

    private static async Task<Results<Ok<ObservationHistoryResponse>, ValidationProblem, ProblemHttpResult>> History(
        StatisticsDbContext db, CancellationToken cancellationToken,
        [FromQuery] string? indicator, [FromQuery] string? reporter, [FromQuery] string? partner, [FromQuery] string? period)
    {
        var errors = new FieldErrors();
        foreach (var (name, value) in new[] { ("indicator", indicator), ("reporter", reporter), ("partner", partner), ("period", period) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(name, "Required.");
            }
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var observation = await db.Observations.AsNoTracking().SingleOrDefaultAsync(found =>
            found.IndicatorCode == indicator && found.Reporter == reporter!.ToUpperInvariant() && found.Partner == partner!.ToUpperInvariant()
                && found.Period == period!.ToUpperInvariant(),
            cancellationToken);
        if (observation is null)
        {
            return TypedResults.Problem(title: "No such observation.", statusCode: StatusCodes.Status404NotFound,
                detail: $"There is no {indicator} observation for {reporter}→{partner} in {period}.");
        }

        var revisions = await db.ObservationRevisions.AsNoTracking()
            .Where(revision => revision.ObservationId == observation.Id)
            .OrderByDescending(revision => revision.Id)
            .Select(revision => new ObservationRevisionResponse(
                revision.Value, revision.Status, revision.SourceNote, revision.UpdatedAt, revision.ImportId, revision.ReplacedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ObservationHistoryResponse(ToResponse(observation), revisions));
    }

    private static ObservationResponse ToResponse(Observation observation) => new(
        observation.IndicatorCode, observation.Reporter, observation.Partner, observation.Period,
        observation.Value, observation.Status, observation.SourceNote, observation.UpdatedAt);

    /// <summary>Streams every match as CSV, row by row, in the upload format plus columns for readers.</summary>
    private sealed class ObservationsCsvResult(Indicator indicator, IQueryable<Observation> query) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{indicator.Code}.csv\"";
            await using var text = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(false), bufferSize: 16 * 1024);
            await using var writer = Sep.New(',').Writer(options => options with { Escape = true }).To(text);
            writer.Header.Add([.. ImportFormats.RequiredColumns, .. ImportFormats.OptionalColumns, .. ImportFormats.InformationalColumns]);
            await writer.Header.WriteAsync(http.RequestAborted);
            await foreach (var observation in query.AsAsyncEnumerable().WithCancellation(http.RequestAborted))
            {
                await using var row = writer.NewRow(http.RequestAborted);
                row[ImportFormats.Indicator].Set(observation.IndicatorCode);
                row[ImportFormats.Reporter].Set(observation.Reporter);
                row[ImportFormats.Partner].Set(observation.Partner);
                row[ImportFormats.Period].Set(observation.Period);
                row[ImportFormats.Value].Set(observation.Value?.ToString(CultureInfo.InvariantCulture) ?? "");
                row[ImportFormats.Status].Set(observation.Status ?? "");
                row[ImportFormats.Note].Set(ImportFormats.AsSpreadsheetText(observation.SourceNote ?? ""));
                row["indicatorName"].Set(ImportFormats.AsSpreadsheetText(indicator.Name));
                row["unit"].Set(ImportFormats.AsSpreadsheetText(indicator.Unit));
                row["scale"].Set(indicator.Scale.ToString(CultureInfo.InvariantCulture));
                row["lastUpdated"].Set(observation.UpdatedAt.ToString("O", CultureInfo.InvariantCulture));
            }
        }
    }
}
