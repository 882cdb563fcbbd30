using ForumPlatform.Web.Api;

namespace ForumPlatform.Web.Workspace;

/// <summary>The statistics service's definitions and imports, called with the signed-in analyst's own token (<see cref="PersonalApi"/>).</summary>
public sealed class AnalystApi(PersonalApi api)
{
    public Task<ApiResult<List<IndicatorDefinition>>> IndicatorsAsync(CancellationToken cancellationToken) =>
        api.GetAsync<List<IndicatorDefinition>>("/api/stats/indicators", cancellationToken);

    public Task<ApiResult<IndicatorDefinition>> IndicatorAsync(string code, CancellationToken cancellationToken) =>
        api.GetAsync<IndicatorDefinition>($"/api/stats/indicators/{Uri.EscapeDataString(code)}", cancellationToken);

    /// <summary>Defines an indicator or changes its definition; <paramref name="createOnly"/> refuses a code already taken (412).</summary>
    public Task<ApiResult<IndicatorDefinition>> DefineAsync(string code, IndicatorDraft definition, bool createOnly, CancellationToken cancellationToken) =>
        api.SendAsync<IndicatorDefinition>(HttpMethod.Put, $"/api/stats/indicators/{Uri.EscapeDataString(code)}", cancellationToken, definition,
            createOnly: createOnly);

    /// <summary>Checks a CSV upload row by row and reports what it would change; nothing is stored.</summary>
    public Task<ApiResult<ImportReport>> DryRunAsync(Stream csv, CancellationToken cancellationToken) =>
        api.UploadAsync<ImportReport>("/api/stats/imports?dryRun=true", csv, "text/csv", cancellationToken);

    /// <summary>Imports a CSV upload, all or nothing.</summary>
    public Task<ApiResult<ImportReport>> ImportAsync(Stream csv, CancellationToken cancellationToken) =>
        api.UploadAsync<ImportReport>("/api/stats/imports", csv, "text/csv", cancellationToken);

    public Task<ApiResult<List<ImportRecord>>> ImportsAsync(CancellationToken cancellationToken) =>
        api.GetAsync<List<ImportRecord>>("/api/stats/imports?limit=100", cancellationToken);
}

public sealed record IndicatorDefinition(
    string Code, string Name, string Unit, int Scale, string? Description, IndicatorSource Source, string Frequency,
    bool SampleData, int Observations, DateTimeOffset? ObservationsUpdatedAt);

public sealed record IndicatorDraft(string Name, string Unit, int? Scale, string? Description, IndicatorSource Source, string Frequency);

/// <summary>A problem in one row of an upload: its row number, its line in the file, the column and the value.</summary>
public sealed record ImportProblem(int Row, int? Line, string? Column, string? Value, string Error);

public sealed record PreviewPoint(string Period, decimal? Value, string? Status, string? Note, decimal? Before, string Change);

public sealed record SeriesPreview(string Indicator, string Reporter, string Partner, int Changes, IReadOnlyList<PreviewPoint> Points);

public sealed record ImportReport(
    bool DryRun, bool Stored, Guid? ImportId, int Rows, int Inserted, int Changed, int Unchanged, int BadRows,
    IReadOnlyList<ImportProblem> Errors, int SeriesChanged, IReadOnlyList<SeriesPreview> Preview, int ProblemsFound);

public sealed record ImportRecord(
    Guid Id, DateTimeOffset ImportedAt, string? ImportedBy, string? ImportedByName, string Format, int Rows, int Inserted, int Changed, int Unchanged);
