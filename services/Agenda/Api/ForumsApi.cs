using ForumPlatform.Agenda.Data;
using ForumPlatform.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Agenda.Api;

public static class ForumsApi
{
    public static RouteGroupBuilder MapForumsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/agenda/forums").WithTags("Forums");
        api.MapGet("/", ListForums).WithName("ListForums").WithSummary("Every forum edition, latest first.")
            .Produces<List<ForumResponse>>().Produces(StatusCodes.Status304NotModified);
        api.MapGet("/{slug}", GetForum).WithName("GetForum").WithSummary("One forum edition by its slug.")
            .Produces<ForumResponse>().Produces(StatusCodes.Status304NotModified).Produces(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListForums(HttpContext http, AgendaDbContext db, CancellationToken cancellationToken)
    {
        var forums = await db.Forums.AsNoTracking().OrderByDescending(forum => forum.StartDate).ToListAsync(cancellationToken);
        return JsonETag.Respond(http, forums.Select(ForumResponse.From).ToList());
    }

    private static async Task<IResult> GetForum(string slug, HttpContext http, AgendaDbContext db, CancellationToken cancellationToken)
    {
        var forum = await db.Forums.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == slug, cancellationToken);
        return forum is null ? TypedResults.NotFound() : JsonETag.Respond(http, ForumResponse.From(forum));
    }
}
