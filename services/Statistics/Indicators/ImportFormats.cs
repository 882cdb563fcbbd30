using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using nietras.SeparatedValues;

namespace ForumPlatform.Statistics.Indicators;

/// <summary>One row of an upload as written, before validation; <see cref="Line"/> is null for JSON.</summary>
public sealed record UploadedRow(
    int Row, int? Line, string? Indicator, string? Reporter, string? Partner, string? Period, string? Value, string? Status, string? Note)
{
    /// <summary>Why the row could not be split into its fields, if it could not.</summary>
    public string? ReadError { get; init; }
}

/// <summary>A problem with an upload: a row (1-based, header excluded), its line, the column, and why.</summary>
public sealed record ImportProblem(int Row, int? Line, string? Column, string? Value, string Error);

/// <summary>An upload that cannot be read at all (wrong separator, missing columns, broken JSON, not UTF-8) or has no rows.</summary>
public sealed class UnreadableUploadException(string message, IReadOnlyList<ImportProblem> problems) : Exception(message)
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;
}

/// <summary>
/// Reads uploads as they stream in. CSV: UTF-8 with or without BOM, comma or semicolon (taken from the header
/// line), RFC 4180 quotes, a header naming the columns in any order and case. JSON: an array of objects with the
/// same names.
/// </summary>
public static class ImportFormats
{
    public const string Indicator = "indicator";
    public const string Reporter = "reporter";
    public const string Partner = "partner";
    public const string Period = "period";
    public const string Value = "value";
    public const string Status = "status";
    public const string Note = "note";

    public static readonly IReadOnlyList<string> RequiredColumns = [Indicator, Reporter, Partner, Period, Value];
    public static readonly IReadOnlyList<string> OptionalColumns = [Status, Note];

    /// <summary>Columns the CSV export adds for readers; an export can be uploaded again as it is.</summary>
    public static readonly IReadOnlyList<string> InformationalColumns = ["indicatorName", "unit", "scale", "lastUpdated"];

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async IAsyncEnumerable<UploadedRow> ReadCsvAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var text = new StreamReader(body, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        SepReader reader;
        try
        {
            reader = await Sep.Reader(options => options with
            {
                HasHeader = false,
                Unescape = true,
                Trim = SepTrim.All,
                DisableColCountCheck = true,
            }).FromAsync(text, cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8();
        }

        using (reader)
        {
            var enumerator = reader.GetAsyncEnumerator(cancellationToken);
            Dictionary<string, int>? columns = null;
            var row = 0;
            var firstRowLine = 0;
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (DecoderFallbackException)
                {
                    throw NotUtf8();
                }
                catch (NotSupportedException)
                {
                    // Sep's refusal of a row past its 16 MiB buffer: almost always a quote left open.
                    throw new UnreadableUploadException("A row of the upload is too long to read.",
                        [new ImportProblem(row + 1, null, null, null, "A row runs past 16 MiB; is a quote left open?")]);
                }

                if (columns is null)
                {
                    columns = ReadHeader(enumerator.Current, reader.Spec.Sep.Separator);
                    firstRowLine = enumerator.Current.LineNumberToExcl;
                    continue;
                }

                var uploaded = ToUploadedRow(enumerator.Current, columns, ref row);
                if (uploaded is not null)
                {
                    yield return uploaded;
                }
            }

            if (columns is null)
            {
                throw new UnreadableUploadException("The upload is empty; the first line must name the columns.",
                    [new ImportProblem(0, 1, null, null, $"Expected a header line: {string.Join(',', RequiredColumns.Concat(OptionalColumns))}.")]);
            }

            if (row == 0)
            {
                throw NoObservations(new ImportProblem(1, firstRowLine, null, null, "Below the header line, give one observation per line."));
            }
        }
    }

    public static async IAsyncEnumerable<UploadedRow> ReadJsonAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var row = 0;
        IAsyncEnumerator<JsonElement> elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, cancellationToken: cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        await using (elements)
        {
            while (true)
            {
                try
                {
                    if (!await elements.MoveNextAsync())
                    {
                        break;
                    }
                }
                catch (JsonException exception)
                {
                    throw new UnreadableUploadException(
                        "The upload is not a JSON array of observations.",
                        [new ImportProblem(row + 1, (int?)exception.LineNumber + 1, exception.Path, null, exception.Message)]);
                }

                row++;
                var element = elements.Current;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    yield return new UploadedRow(row, null, null, null, null, null, null, null, null)
                    {
                        ReadError = "Each observation must be a JSON object.",
                    };
                    continue;
                }

                yield return new UploadedRow(row, null,
                    Text(element, Indicator), Text(element, Reporter), Text(element, Partner), Text(element, Period),
                    Text(element, Value), Text(element, Status), Text(element, Note));
            }
        }

        // [] and null (which the reader takes for no array) alike.
        if (row == 0)
        {
            throw NoObservations(new ImportProblem(1, null, "$", null, "Send an array of at least one observation object."));
        }
    }

    /// <summary>The first row names the columns; read here rather than by Sep so every problem with it can be reported.</summary>
    private static Dictionary<string, int> ReadHeader(SepReader.Row header, char separator)
    {
        var names = new List<string>(header.ColCount);
        for (var index = 0; index < header.ColCount; index++)
        {
            names.Add(header[index].ToString());
        }

        var problems = new List<ImportProblem>();
        if (separator is not (',' or ';') && names.Count > 1)
        {
            problems.Add(new ImportProblem(0, 1, null, separator.ToString(), "Columns must be separated by commas or semicolons."));
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < names.Count; index++)
        {
            var name = names[index];
            if (!RequiredColumns.Concat(OptionalColumns).Concat(InformationalColumns).Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new ImportProblem(0, 1, name, name,
                    $"Unknown column; the columns are {string.Join(", ", RequiredColumns.Concat(OptionalColumns))}."));
            }
            else if (!columns.TryAdd(name, index))
            {
                problems.Add(new ImportProblem(0, 1, name, name, "The column appears twice."));
            }
        }

        problems.AddRange(RequiredColumns
            .Where(required => !columns.ContainsKey(required))
            .Select(missing => new ImportProblem(0, 1, missing, null, "This column is missing from the header.")));
        if (problems.Count > 0)
        {
            throw new UnreadableUploadException("The header line is not usable.", problems);
        }

        return columns;
    }

    private static UploadedRow? ToUploadedRow(SepReader.Row csvRow, Dictionary<string, int> columns, ref int row)
    {
        if (csvRow.Span.IsWhiteSpace())
        {
            return null; // blank lines, e.g. at the end of the file
        }

        row++;
        var line = csvRow.LineNumberFrom;
        if (csvRow.ColCount != columns.Count)
        {
            var error = $"The row has {csvRow.ColCount} fields; the header has {columns.Count}.";
            return new UploadedRow(row, line, null, null, null, null, null, null, null) { ReadError = error };
        }

        return new UploadedRow(row, line,
            Field(csvRow, columns, Indicator), Field(csvRow, columns, Reporter), Field(csvRow, columns, Partner),
            Field(csvRow, columns, Period), Field(csvRow, columns, Value), Field(csvRow, columns, Status),
            FromSpreadsheetText(Field(csvRow, columns, Note)));
    }

    /// <summary>
    /// A text cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return is a formula to a
    /// spreadsheet (CSV injection), so the CSV export puts a <c>'</c> before it, as spreadsheets themselves do for
    /// text typed that way. A CSV upload takes that <c>'</c> off again, so an export can be uploaded as it is.
    /// </summary>
    public static string AsSpreadsheetText(string text) => StartsLikeFormula(text) ? "'" + text : text;

    private static string? FromSpreadsheetText(string? text) => text is ['\'', .. var rest] && StartsLikeFormula(rest) ? rest : text;

    private static bool StartsLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    private static string? Field(SepReader.Row row, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out var index) && row[index].Span is { IsEmpty: false } span ? span.ToString() : null;

    private static string? Text(JsonElement element, string name)
    {
        if (!TryGetProperty(element, name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text.Trim() : null,
            _ => value.GetRawText(),
        };
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>An upload that can be read but holds no rows: it would be stored as an import of nothing.</summary>
    private static UnreadableUploadException NoObservations(ImportProblem problem) => new("The upload has no observations.", [problem]);

    private static UnreadableUploadException NotUtf8() => new(
        "The upload is not UTF-8 text.", [new ImportProblem(0, null, null, null, "Save the file as UTF-8 (with or without BOM).")]);
}
