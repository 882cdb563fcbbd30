using System.Text;
using ForumPlatform.Statistics.Indicators;

namespace ForumPlatform.Statistics.Tests;

/// <summary>How uploads are split into rows and fields, before any validation.</summary>
public sealed class CsvReadingTests
{
    private static async Task<List<UploadedRow>> ReadAsync(string csv, bool byteOrderMark = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        using var stream = new MemoryStream(byteOrderMark ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
        var rows = new List<UploadedRow>();
        await foreach (var row in ImportFormats.ReadCsvAsync(stream, CancellationToken.None))
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task A_quote_left_open_past_the_readers_row_limit_is_an_unreadable_upload()
    {
        var csv = "indicator,reporter,partner,period,value\nx.y,CHN,KAZ,2024,\"" + new string('x', 17_000_000);

        var refused = await Assert.ThrowsAsync<UnreadableUploadException>(() => ReadAsync(csv));

        Assert.Equal("A row of the upload is too long to read.", refused.Message);
        Assert.Equal(1, Assert.Single(refused.Problems).Row);
    }

    [Fact]
    public async Task A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var rows = await ReadAsync("indicator,reporter,partner,period,value\nx.y,CHN,KAZ,2024,1.5\n", byteOrderMark: true);

        var row = Assert.Single(rows);
        Assert.Equal("x.y", row.Indicator);
        Assert.Equal("1.5", row.Value);
    }

    [Fact]
    public async Task Semicolons_separate_when_the_header_uses_them_and_commas_stay_inside_fields()
    {
        var rows = await ReadAsync("indicator;reporter;partner;period;value;note\nx.y;CHN;KAZ;2024;1.5;Customs, preliminary\n");

        var row = Assert.Single(rows);
        Assert.Equal("KAZ", row.Partner);
        Assert.Equal("Customs, preliminary", row.Note);
    }

    [Fact]
    public async Task Quoted_fields_keep_separators_doubled_quotes_and_line_breaks_and_lines_are_counted_through_them()
    {
        var csv = "indicator,reporter,partner,period,value,note\n" +
                  "x.y,CHN,KAZ,2023,\"2\",\"Said \"\"about\"\" 2, maybe\nsecond line\"\n" +
                  "x.y,CHN,KAZ,2024,3,\n";

        var rows = await ReadAsync(csv);

        Assert.Equal(2, rows.Count);
        Assert.Equal("Said \"about\" 2, maybe\nsecond line", rows[0].Note);
        Assert.Equal("2", rows[0].Value);
        Assert.Equal((1, 2), (rows[0].Row, rows[0].Line));
        Assert.Equal((2, 4), (rows[1].Row, rows[1].Line));
        Assert.Null(rows[1].Note);
    }

    [Fact]
    public async Task Columns_come_in_any_order_and_case_spaces_around_fields_are_trimmed_and_blank_lines_skipped()
    {
        var rows = await ReadAsync("Value, PERIOD ,partner,reporter,Indicator\n 7 , 2024 ,kaz,chn,x.y\n\n\n");

        var row = Assert.Single(rows);
        Assert.Equal(("x.y", "chn", "kaz", "2024", "7"), (row.Indicator, row.Reporter, row.Partner, row.Period, row.Value));
    }

    [Fact]
    public async Task Empty_fields_are_null()
    {
        var row = Assert.Single(await ReadAsync("indicator,reporter,partner,period,value,status\nx.y,CHN,KAZ,2024,,\n"));

        Assert.Null(row.Value);
        Assert.Null(row.Status);
    }

    [Fact]
    public async Task A_row_with_the_wrong_number_of_fields_says_so()
    {
        var rows = await ReadAsync("indicator,reporter,partner,period,value\nx.y,CHN,KAZ,2024,1,234\nx.y,CHN,KGZ,2024,5\n");

        Assert.Equal("The row has 6 fields; the header has 5.", rows[0].ReadError);
        Assert.Null(rows[1].ReadError);
    }

    [Theory]
    [InlineData("indicator,reporter,period,value\nx,CHN,2024,1\n", "partner", "This column is missing from the header.")]
    [InlineData("indicator,reporter,partner,period,value,colour\nx,CHN,KAZ,2024,1,red\n", "colour", "Unknown column")]
    [InlineData("indicator,reporter,partner,period,value,value\nx,CHN,KAZ,2024,1,2\n", "value", "The column appears twice.")]
    public async Task A_header_without_the_columns_is_refused_naming_them(string csv, string column, string error)
    {
        var refused = await Assert.ThrowsAsync<UnreadableUploadException>(() => ReadAsync(csv));

        Assert.Contains(refused.Problems, problem => problem.Column == column && problem.Error.StartsWith(error, StringComparison.Ordinal) && problem.Line == 1);
    }

    [Fact]
    public async Task Tabs_are_not_a_separator_we_accept()
    {
        var refused = await Assert.ThrowsAsync<UnreadableUploadException>(() => ReadAsync("indicator\treporter\tpartner\tperiod\tvalue\nx\tCHN\tKAZ\t2024\t1\n"));

        Assert.Contains(refused.Problems, problem => problem.Error == "Columns must be separated by commas or semicolons.");
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF8_are_refused()
    {
        using var stream = new MemoryStream([.. Encoding.ASCII.GetBytes("indicator,reporter,partner,period,value\nx,CHN,KAZ,2024,1,"), 0xC3, 0x28, (byte)'\n']);

        var refused = await Assert.ThrowsAsync<UnreadableUploadException>(async () =>
        {
            await foreach (var _ in ImportFormats.ReadCsvAsync(stream, CancellationToken.None))
            {
            }
        });

        Assert.Equal("The upload is not UTF-8 text.", refused.Message);
    }

    [Fact]
    public async Task An_empty_upload_is_refused()
    {
        var refused = await Assert.ThrowsAsync<UnreadableUploadException>(() => ReadAsync(""));

        Assert.StartsWith("The upload is empty", refused.Message, StringComparison.Ordinal);
    }
}
