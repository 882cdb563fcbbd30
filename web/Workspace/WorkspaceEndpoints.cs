using ForumPlatform.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ForumPlatform.Web.Workspace;

/// <summary>What the workspace has besides its pages: the editor's live preview, and analysts' uploads.</summary>
public static class WorkspaceEndpoints
{
    public const string PreviewPath = "/workspace/articles/preview";

    public const string UploadPath = "/workspace/figures/uploads";

    /// <summary>The form around the file: its anti-forgery token, part headers and boundaries.</summary>
    private const long FormOverhead = 64 * 1024;

    /// <summary>RFC 2046's longest multipart boundary.</summary>
    private const int MaxBoundaryLength = 70;

    /// <summary>An anti-forgery token is a few hundred characters; a longer field is not one.</summary>
    private const int MaxTokenLength = 4096;

    public static void MapWorkspace(this WebApplication app)
    {
        app.MapPreview();
        app.MapPost(UploadPath, UploadAsync).DisableAntiforgery(); // validated in UploadAsync, before the file is read
    }

    /// <summary>
    /// <c>POST /workspace/articles/preview</c> with <c>{ "body": "…" }</c> and the page's anti-forgery token in the
    /// <c>RequestVerificationToken</c> header: the body rendered by the articles service (with the editor's token), as
    /// <c>{ "html": "…" }</c>, or a problem naming why not. Answers are problems, never redirects, as a script reads them.
    /// </summary>
    private static void MapPreview(this WebApplication app) =>
        app.MapPost(PreviewPath, async (PreviewBody request, HttpContext http, IAntiforgery antiforgery, NewsroomApi newsroom) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The page is stale: reload it.");
            }

            if (http.User.Identity?.IsAuthenticated != true)
            {
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Your sign-in has ended.");
            }

            if (!StaffRoles.IsEditor(http.User))
            {
                return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Previews are for editors.");
            }

            var preview = await newsroom.PreviewAsync(request.Body ?? "", http.RequestAborted);
            return preview.Status switch
            {
                ApiStatus.Ok when preview.Value is { } rendered => Results.Json(new { html = rendered.Html }),
                ApiStatus.Invalid => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: string.Join(" ", preview.Problems)),
                ApiStatus.SignInNeeded => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Your sign-in has ended."),
                _ => Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The articles service is unavailable just now."),
            };
        }).DisableAntiforgery(); // validated above from the header, so a stale page gets a problem it can show

    public sealed record PreviewBody(string? Body);

    /// <summary>
    /// <c>POST /workspace/figures/uploads</c>, a plain form post (<c>multipart/form-data</c>: the anti-forgery token,
    /// then <c>file</c>), so a 25 MiB file never passes through an interactive circuit or a buffer: it is copied to
    /// <see cref="ImportUploads"/> as it streams in, then sent to the statistics service's dry run the same way. The
    /// analyst is sent to the check's page, or back to <c>/workspace/figures</c> with <c>?upload=</c> saying why not.
    /// </summary>
    private static async Task<IResult> UploadAsync(HttpContext http, IAntiforgery antiforgery, ImportUploads uploads, AnalystApi analyst)
    {
        static IResult Back(string why) => Results.LocalRedirect($"/workspace/figures?upload={why}");

        if (http.User.Identity?.IsAuthenticated != true)
        {
            return Results.Challenge(new AuthenticationProperties { RedirectUri = "/workspace/figures" });
        }

        if (!StaffRoles.IsAnalyst(http.User))
        {
            return NotForThem();
        }

        // Twice the limit is read at most. A refused upload is read to its end before the answer: behind the gateway,
        // an answer given while the browser is still sending is lost as a bad gateway. A larger one is cut off.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = 2 * ImportUploads.MaxBytes;
        }

        async Task<IResult> BackAfterReadingAsync(string why)
        {
            try
            {
                await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
            }
            catch (BadHttpRequestException)
            {
                // Past twice the limit: the connection ends without the answer below.
            }

            return Back(why);
        }

        if (http.Request.ContentLength > ImportUploads.MaxBytes + FormOverhead)
        {
            return await BackAfterReadingAsync("too-large");
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= MaxBoundaryLength } boundary)
        {
            return await BackAfterReadingAsync("no-file");
        }

        var form = new MultipartReader(boundary, http.Request.Body);
        MultipartSection? fileSection;
        try
        {
            // The token comes first in the form. Read from the form, anti-forgery would buffer the whole upload; handed
            // over as its header, it is checked before a byte of the file is read.
            if (await form.ReadNextSectionAsync(http.RequestAborted) is not { } first
                || first.AsFormDataSection() is not { Name: "__RequestVerificationToken" }
                || await ReadShortAsync(first.Body, http.RequestAborted) is not { } token)
            {
                return await BackAfterReadingAsync("stale");
            }

            http.Request.Headers["RequestVerificationToken"] = token;
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return await BackAfterReadingAsync("stale");
            }

            fileSection = await form.ReadNextSectionAsync(http.RequestAborted);
        }
        catch (Exception malformed) when (malformed is InvalidDataException or IOException)
        {
            return Back("no-file"); // not a form a browser sends
        }

        if (fileSection?.AsFileSection() is not { Name: "file", FileStream: { } file } fileField || string.IsNullOrEmpty(fileField.FileName))
        {
            return await BackAfterReadingAsync("no-file");
        }

        var owner = http.User.FindFirst("sub")?.Value ?? "";
        var upload = await uploads.SaveAsync(file, owner, fileField.FileName, http.RequestAborted);
        if (upload is null)
        {
            return await BackAfterReadingAsync("too-large");
        }

        ApiResult<ImportReport> check;
        await using (var stored = uploads.Open(upload))
        {
            check = await analyst.DryRunAsync(stored, http.RequestAborted);
        }

        switch (check.Status)
        {
            case ApiStatus.Ok when check.Value is { } report:
                await uploads.KeepAsync(upload with { Report = report }, http.RequestAborted);
                break;
            case ApiStatus.Invalid:
                var reasons = check.FieldProblems.Select(problem =>
                    $"{(problem.Key.Length == 0 ? "" : $"{problem.Key}: ")}{string.Join(" ", problem.Value)}");
                await uploads.KeepAsync(upload with { Refused = [.. reasons] }, http.RequestAborted);
                break;
            case ApiStatus.SignInNeeded:
                uploads.Delete(upload);
                return Results.Challenge(new AuthenticationProperties { RedirectUri = "/workspace/figures" });
            case ApiStatus.Forbidden:
                uploads.Delete(upload);
                return NotForThem();
            default:
                uploads.Delete(upload);
                return Back("unavailable");
        }

        return Results.LocalRedirect($"{UploadPath}/{upload.Id}");
    }

    /// <summary>A problem with a body: the status pages would re-execute a bare 403 as a POST of a page, which has no token.</summary>
    private static IResult NotForThem() => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Uploads are for analysts.");

    /// <summary>A form field's text, or null when it is longer than <see cref="MaxTokenLength"/> (then it is not read on).</summary>
    private static async Task<string?> ReadShortAsync(Stream field, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(field, leaveOpen: true); // the form reads on past it
        var text = new char[MaxTokenLength + 1];
        var read = await reader.ReadBlockAsync(text, cancellationToken);
        return read <= MaxTokenLength ? new string(text, 0, read) : null;
    }
}
