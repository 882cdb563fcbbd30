using ForumPlatform.ServiceDefaults;
using ForumPlatform.Statistics.Data;
using ForumPlatform.Statistics.Indicators;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace ForumPlatform.Statistics.Api;

public static class ImportsApi
{
    public static RouteGroupBuilder MapImportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/stats/imports").WithTags("Imports").RequireAuthorization(ForumPolicies.Analyst);
        api.MapPost("/", Import).WithName("ImportObservations")
            .WithSummary("Uploads observations as CSV (text/csv) or JSON (application/json), all or nothing. Every bad row is " +
                         "reported and nothing is stored if there is one; dryRun=true only reports what would change.")
            .AddOpenApiOperationTransformer(DescribeUpload)
            .Produces<ImportReport>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapGet("/", ListImports).WithName("ListImports").WithSummary("The stored imports, newest first.");
        return api;
    }

    private static async Task<IResult> Import(
        HttpContext http, ObservationImporter importer, IOptions<ImportOptions> options, CancellationToken cancellationToken,
        [FromQuery] bool? dryRun)
    {
        var format = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType) ? contentType.MediaType.Value : null;
        (string Name, Func<Stream, CancellationToken, IAsyncEnumerable<UploadedRow>> Read)? reader = format?.ToLowerInvariant() switch
        {
            "text/csv" or "application/csv" => ("csv", ImportFormats.ReadCsvAsync),
            "application/json" => ("json", ImportFormats.ReadJsonAsync),
            _ => null,
        };
        if (reader is not { } upload)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported content type.",
                detail: "Upload observations as text/csv or application/json.");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = options.Value.MaxUploadBytes;
        }

        if (http.Request.ContentLength > options.Value.MaxUploadBytes)
        {
            return TooLarge(options.Value.MaxUploadBytes);
        }

        try
        {
            var report = await importer.ImportAsync(
                upload.Read(http.Request.Body, cancellationToken), upload.Name,
                dryRun ?? false, http.User.FindFirst("sub")?.Value, Truncated(http.User.FindFirst("name")?.Value, 200), cancellationToken);
            return report.Errors.Count == 0 || report.DryRun
                ? TypedResults.Ok(report)
                : Rejected($"{report.BadRows} of {report.Rows} rows are bad; nothing was stored.", report.Errors, report);
        }
        catch (UnreadableUploadException unreadable)
        {
            return Rejected(unreadable.Message, unreadable.Problems, null);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(options.Value.MaxUploadBytes);
        }
    }

    /// <summary>
    /// The body is read by the importer, not bound, so the document says what it takes here; <c>Accepts</c> metadata
    /// would make routing answer 415 before authentication.
    /// </summary>
    private static Task DescribeUpload(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var row = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(ImportFormats.RequiredColumns),
            Properties = ImportFormats.RequiredColumns.Concat(ImportFormats.OptionalColumns).ToDictionary(
                column => column,
                column => (IOpenApiSchema)new OpenApiSchema
                {
                    Type = column == ImportFormats.Value ? JsonSchemaType.Number | JsonSchemaType.Null : JsonSchemaType.String | JsonSchemaType.Null,
                }),
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "CSV: UTF-8 (BOM optional), comma or semicolon, a header naming indicator, reporter, partner, period, value " +
                          "and optionally status and note. JSON: an array of objects with the same names. At least one row.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = row, MinItems = 1 } },
            },
        };
        return Task.CompletedTask;
    }

    private static async Task<Ok<List<ImportResponse>>> ListImports(StatisticsDbContext db, CancellationToken cancellationToken, [FromQuery] int? limit)
    {
        var imports = await db.IndicatorImports.AsNoTracking()
            .OrderByDescending(import => import.ImportedAt)
            .Take(Math.Clamp(limit ?? 50, 1, 500))
            .Select(import => new ImportResponse(
                import.Id, import.ImportedAt, import.ImportedBy, import.ImportedByName, import.Format, import.Rows, import.Inserted, import.Changed, import.Unchanged))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(imports);
    }

    /// <summary>
    /// 400 problem details; <c>errors</c> names each bad field as <c>row N (line L): column</c>, and <c>rows</c>
    /// carries the same problems as objects for programs.
    /// </summary>
    private static IResult Rejected(string title, IReadOnlyList<ImportProblem> problems, ImportReport? report)
    {
        var errors = new FieldErrors();
        foreach (var problem in problems)
        {
            errors.Add($"row {problem.Row}{(problem.Line is { } line ? $" (line {line})" : "")}{(problem.Column is { } column ? $": {column}" : "")}", problem.Error);
        }

        return errors.ToProblem(title, new Dictionary<string, object?>
        {
            ["rows"] = problems,
            ["report"] = report,
        });
    }

    private static string? Truncated(string? text, int length) => text is { Length: > 0 } ? text[..Math.Min(text.Length, length)] : null;

    private static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge, title: "The upload is too large.",
        detail: $"Uploads are limited to {limit:N0} bytes; split the file.");
}
