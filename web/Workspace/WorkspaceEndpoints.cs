using ForumPlatform.Web.Api;
using Microsoft.AspNetCore.Antiforgery;

namespace ForumPlatform.Web.Workspace;

/// <summary>What the workspace's script calls besides its pages: the editor's live preview.</summary>
public static class WorkspaceEndpoints
{
    public const string PreviewPath = "/workspace/articles/preview";

    /// <summary>
    /// <c>POST /workspace/articles/preview</c> with <c>{ "body": "…" }</c> and the page's anti-forgery token in the
    /// <c>RequestVerificationToken</c> header: the body rendered by the articles service (with the editor's token), as
    /// <c>{ "html": "…" }</c>, or a problem naming why not. Answers are problems, never redirects, as a script reads them.
    /// </summary>
    public static void MapWorkspace(this WebApplication app) =>
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
}
