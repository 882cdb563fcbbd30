using ForumPlatform.Web.Api;
using ForumPlatform.Web.SignIn;
using Microsoft.AspNetCore.Antiforgery;

namespace ForumPlatform.Web.MyAgenda;

/// <summary>
/// The star buttons' forms: <c>POST /my-agenda/stars/{sessionId}</c> with <c>star=on</c> (or not) and the page to go
/// back to. A plain form post and a redirect, so starring works without JavaScript and a reload never posts twice.
/// </summary>
public static class MyAgendaEndpoints
{
    public const string StarsPath = "/my-agenda/stars";

    public static void MapMyAgenda(this WebApplication app) =>
        app.MapPost($"{StarsPath}/{{sessionId:guid}}", async (Guid sessionId, HttpContext http, IAntiforgery antiforgery, ReaderApi reader) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var returnUrl = WebsiteSignIn.LocalOnly(form["returnUrl"]);
            var status = http.User.Identity?.IsAuthenticated == true
                ? await reader.StarAsync(sessionId, form["star"] == "on", http.RequestAborted)
                : ApiStatus.SignInNeeded;
            return status switch
            {
                ApiStatus.Ok => Results.Redirect(returnUrl),
                ApiStatus.SignInNeeded => Results.Redirect($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}"),
                // Refused (an agenda is full at 1,000 stars): retrying will not help, and the page says so.
                ApiStatus.Invalid => Results.Redirect("/my-agenda?failed=refused"),
                _ => Results.Redirect("/my-agenda?failed=unavailable"),
            };
        }).DisableAntiforgery(); // validated above, so a stale form answers 400 rather than the framework's error
}
