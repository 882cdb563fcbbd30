using System.Diagnostics;
using System.Text.Json;
using ForumPlatform.Testing;

namespace ForumPlatform.EndToEnd.Tests;

/// <summary>
/// Every service's OpenAPI document, fetched through the gateway, summarizes every operation, describes every
/// parameter, and passes Spectral's OpenAPI ruleset without errors or warnings.
/// </summary>
[Collection(ForumPlatformCollection.Name)]
public sealed class OpenApiDocumentTests(ForumPlatformFixture platform)
{
    [Theory]
    [InlineData("/api/articles/openapi/v1.json")]
    [InlineData("/api/agenda/openapi/v1.json")]
    [InlineData("/api/stats/openapi/v1.json")]
    [InlineData("/api/notifications/openapi/v1.json")]
    [InlineData("/api/identity/openapi/v1.json")]
    public async Task The_document_describes_every_operation_and_parameter_and_passes_spectral_oas_without_findings(string path)
    {
        var lint = Path.Combine(RabbitMqNode.RepositoryRoot(), "eng", "openapi-lint");
        var spectral = Path.Combine(lint, "node_modules", ".bin", "spectral");
        Assert.True(File.Exists(spectral), $"Spectral is not installed in {lint}; ./test.sh installs it (eng/ensure-spectral.sh).");
        using var gateway = platform.Gateway();
        var document = await gateway.GetStringAsync(path);
        var paths = JsonDocument.Parse(document).RootElement.GetProperty("paths").EnumerateObject().ToList();
        Assert.NotEmpty(paths);
        var undescribed = (from route in paths
                           from operation in route.Value.EnumerateObject()
                           where operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("parameters", out _)
                           from parameter in operation.Value.GetProperty("parameters").EnumerateArray()
                           where !parameter.TryGetProperty("description", out var description) || string.IsNullOrWhiteSpace(description.GetString())
                           select $"{operation.Name.ToUpperInvariant()} {route.Name} {parameter.GetProperty("name")}").ToList();
        Assert.True(undescribed.Count == 0, $"parameters without a description:\n{string.Join('\n', undescribed)}");
        var unsummarized = (from route in paths
                            from operation in route.Value.EnumerateObject()
                            where operation.Value.ValueKind == JsonValueKind.Object
                                && (!operation.Value.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                            select $"{operation.Name.ToUpperInvariant()} {route.Name}").ToList();
        Assert.True(unsummarized.Count == 0, $"operations without a summary:\n{string.Join('\n', unsummarized)}");
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var start = new ProcessStartInfo(spectral, ["lint", file, "--ruleset", Path.Combine(lint, ".spectral.yaml"), "--format", "json", "--quiet"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = await process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            // 0: nothing at error level, 1: errors found; anything else is Spectral itself failing, which says nothing.
            Assert.True(process.ExitCode is 0 or 1, $"Spectral failed (exit code {process.ExitCode}): {errors}");

            // Spectral's JSON results, errors (severity 0) and warnings (1) alike.
            var results = JsonDocument.Parse(string.IsNullOrWhiteSpace(output) ? "[]" : output).RootElement.EnumerateArray().ToList();
            var findings = results
                .Select(result => $"{result.GetProperty("code")}: {result.GetProperty("message")} at {string.Join('.', result.GetProperty("path").EnumerateArray())}")
                .ToList();
            Assert.True(findings.Count == 0, $"{path}: {findings.Count} Spectral findings:\n{string.Join('\n', findings)}\n{errors}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
