using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Web.Workspace;

/// <summary>
/// CSV uploads waiting between their check (a dry run at the statistics service) and their import: the file as it
/// came and what the check said, in <see cref="WebsiteOptions.UploadsPath"/>. Each belongs to the analyst who sent it;
/// one imported is deleted, one left waiting is deleted an hour later, with the next upload.
/// </summary>
public sealed class ImportUploads(IOptions<WebsiteOptions> options, TimeProvider clock, ILogger<ImportUploads> logger)
{
    /// <summary>The statistics service's own limit (<c>Statistics:Import:MaxUploadBytes</c>), about 600,000 rows.</summary>
    public const long MaxBytes = 25 * 1024 * 1024;

    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="Id">Its name in the folder, unguessable.</param>
    /// <param name="Owner">The analyst's subject: nobody else sees or imports it.</param>
    /// <param name="FileName">The name the browser gave the file, to show.</param>
    /// <param name="Bytes">Its length.</param>
    /// <param name="UploadedAt">When it came.</param>
    /// <param name="Report">The dry run's report, once checked.</param>
    /// <param name="Refused">The statistics service's reasons when it could not read the file at all (no header, no rows).</param>
    public sealed record Upload(
        Guid Id, string Owner, string FileName, long Bytes, DateTimeOffset UploadedAt, ImportReport? Report, IReadOnlyList<string> Refused);

    private string Folder => Directory.CreateDirectory(options.Value.UploadsPath ?? Path.Combine(Path.GetTempPath(), "forum-web-uploads")).FullName;

    private string FilePath(Guid id) => Path.Combine(Folder, $"{id:N}.csv");

    private string RecordPath(Guid id) => Path.Combine(Folder, $"{id:N}.json");

    private const string ClaimedExtension = ".importing";

    private string ClaimPath(Guid id) => Path.Combine(Folder, $"{id:N}{ClaimedExtension}");

    /// <summary>Copies <paramref name="file"/> as it streams in; null when it is longer than <see cref="MaxBytes"/> (then nothing is kept).</summary>
    public async Task<Upload?> SaveAsync(Stream file, string owner, string fileName, CancellationToken cancellationToken)
    {
        DeleteForgotten();
        var id = Guid.NewGuid();
        long bytes = 0;
        try
        {
            await using var target = new FileStream(FilePath(id), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            int read;
            while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
            {
                bytes += read;
                if (bytes > MaxBytes)
                {
                    break;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch
        {
            File.Delete(FilePath(id)); // the browser went away mid-upload: nothing half-written is kept
            throw;
        }

        if (bytes > MaxBytes)
        {
            File.Delete(FilePath(id));
            return null;
        }

        // Its record is kept once the check has said something (KeepAsync); a file without one is never found.
        return new Upload(id, owner, Path.GetFileName(fileName), bytes, clock.GetUtcNow(), null, []);
    }

    /// <summary>The upload with that id, if it is still here and <paramref name="owner"/>'s.</summary>
    public async Task<Upload?> FindAsync(Guid id, string? owner, CancellationToken cancellationToken)
    {
        try
        {
            await using var record = File.OpenRead(RecordPath(id));
            var upload = await JsonSerializer.DeserializeAsync<Upload>(record, Json, cancellationToken);
            return upload is not null && upload.Owner == owner && File.Exists(FilePath(id)) ? upload : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The file, to send on as it is read.</summary>
    public Stream Open(Upload upload) =>
        new FileStream(FilePath(upload.Id), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);

    public Task KeepAsync(Upload upload, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(RecordPath(upload.Id), JsonSerializer.Serialize(upload, Json), cancellationToken);

    /// <summary>
    /// Takes the upload for an import, so a second click on "Import" finds it gone rather than importing it again;
    /// false when another request took it first.
    /// </summary>
    public bool TryClaim(Upload upload)
    {
        try
        {
            File.Move(RecordPath(upload.Id), ClaimPath(upload.Id));
            return true;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Gives a claimed upload back (its import failed), to be imported again.</summary>
    public void Release(Upload upload) => File.Move(ClaimPath(upload.Id), RecordPath(upload.Id), overwrite: true);

    public void Delete(Upload upload)
    {
        File.Delete(FilePath(upload.Id));
        File.Delete(RecordPath(upload.Id));
        File.Delete(ClaimPath(upload.Id));
    }

    /// <summary>Deletes uploads older than <see cref="KeptFor"/>; only files this class names, whatever else the folder holds.</summary>
    private void DeleteForgotten()
    {
        var before = clock.GetUtcNow() - KeptFor;
        foreach (var file in new DirectoryInfo(Folder).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < before.UtcDateTime && Guid.TryParseExact(Path.GetFileName(file.Name).Split('.')[0], "N", out _)
                && file.Extension is ".csv" or ".json" or ClaimedExtension)
            {
                try
                {
                    file.Delete();
                }
                catch (IOException failure)
                {
                    logger.LogWarning(failure, "A forgotten upload {File} could not be deleted.", file.Name);
                }
            }
        }
    }
}
