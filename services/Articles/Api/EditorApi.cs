using ForumPlatform.Articles.Content;
using ForumPlatform.Articles.Data;
using ForumPlatform.Articles.Events;
using ForumPlatform.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ForumPlatform.Database;

namespace ForumPlatform.Articles.Api;

/// <summary>
/// What editors do to articles. Every change keeps a revision; every change to an existing article needs
/// its current ETag in <c>If-Match</c>; the events go through the outbox in the same write.
/// </summary>
public static class EditorApi
{
    public static RouteGroupBuilder MapEditorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/articles").WithTags("Articles");
        var editor = api.MapGroup("").RequireAuthorization(ForumPolicies.Editor);
        editor.MapPost("/", Create).WithName("CreateArticleDraft").WithSummary("Creates a draft.");
        editor.MapPost("/preview", Preview).WithName("PreviewArticleBody")
            .WithSummary("Renders a body's Markdown as readers will see it, with the pipeline of published articles; nothing is stored.");
        editor.MapPut("/{id:guid}", Edit).WithName("EditArticle")
            .WithSummary("Replaces an article's content. An edit of a published article is announced (ArticleUpdated).");
        editor.MapPost("/{id:guid}/schedule", Schedule).WithName("ScheduleArticle")
            .WithSummary("Publishes a draft at a future time; the service publishes it then, also after a restart.");
        editor.MapPost("/{id:guid}/publish", Publish).WithName("PublishArticle").WithSummary("Publishes a draft or scheduled article now.");
        editor.MapPost("/{id:guid}/unpublish", Unpublish).WithName("UnpublishArticle")
            .WithSummary("Takes a scheduled or published article back to draft.");
        editor.MapPost("/{id:guid}/retract", Retract).WithName("RetractArticle")
            .WithSummary("Retracts a published article with a public reason; it stays readable with the notice unless hidden.");
        editor.MapPost("/{id:guid}/revisions/{number:int}/restore", Restore).WithName("RestoreArticleRevision")
            .WithSummary("Makes an earlier revision's content current again, as a new revision (If-Match; the slug stays). Announced like an edit when published.");
        editor.MapDelete("/{id:guid}", Delete).WithName("DeleteArticleDraft").WithSummary("Deletes a draft.");
        return editor;
    }

    private static Results<Ok<PreviewResponse>, ValidationProblem> Preview(PreviewRequest request, MarkdownRenderer markdown)
    {
        var errors = new FieldErrors();
        var body = request.Validate(errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return markdown.TryToHtml(body, out var html)
            ? TypedResults.Ok(new PreviewResponse(html))
            : FieldErrors.Problem("body", MarkdownRenderer.TooDeeplyNested);
    }

    private static async Task<Results<Created<ArticleResponse>, ValidationProblem>> Create(
        ArticleRequest request, HttpContext http, ArticlesDbContext db, MarkdownRenderer markdown, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.Validate(errors) is not { } content)
        {
            return errors.ToProblem();
        }

        if (!markdown.TryToHtml(content.Body, out var html))
        {
            return FieldErrors.Problem("body", MarkdownRenderer.TooDeeplyNested);
        }

        // Two creates of one slug are checked one after the other, so the second gets 400, not a unique-index failure.
        await using var write = await db.BeginWriteAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var article = Article.Create(Guid.CreateVersion7(now), content, html, now);
        if (await SlugProblemAsync(db, content.Slug, article.Id, slugGiven: request.Slug is not null, cancellationToken) is { } slugProblem)
        {
            return slugProblem;
        }

        if (request.TranslationOf is { } originalId)
        {
            var group = await db.Articles.Where(a => a.Id == originalId).Select(a => (Guid?)a.TranslationGroupId).SingleOrDefaultAsync(cancellationToken);
            if (group is null)
            {
                return FieldErrors.Problem("translationOf", "No article has that id.");
            }

            if (await db.Articles.AnyAsync(a => a.TranslationGroupId == group && a.Language == content.Language, cancellationToken))
            {
                return FieldErrors.Problem("translationOf", $"That story already has a version in '{content.Language}'.");
            }

            article.TranslationGroupId = group.Value;
        }

        db.Articles.Add(article);
        db.Revisions.Add(ArticleRevision.Of(article, "created", EditorOf(http)));
        await write.CommitAsync(cancellationToken);
        ArticleETags.SetETag(http.Response, article);
        return TypedResults.Created($"/api/articles/{article.Id}", ArticleResponse.From(article));
    }

    private static async Task<Results<Ok<ArticleResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Edit(
        Guid id, ArticleRequest request, HttpContext http, ArticlesDbContext db, MarkdownRenderer markdown, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return TypedResults.NotFound();
        }

        if (ArticleETags.CheckIfMatch(http.Request, article) is { } failed)
        {
            return failed;
        }

        // An edit that leaves the slug out keeps the current one rather than generating a new one.
        var errors = new FieldErrors();
        if ((request with { Slug = request.Slug ?? article.Slug }).Validate(errors) is not { } content)
        {
            return errors.ToProblem();
        }

        if (!markdown.TryToHtml(content.Body, out var html))
        {
            return FieldErrors.Problem("body", MarkdownRenderer.TooDeeplyNested);
        }

        // One write for the redirect deleted below and the save, so a save refused as stale deletes nothing.
        await using var write = await db.BeginWriteAsync(cancellationToken);
        if (content.Slug != article.Slug)
        {
            if (await SlugProblemAsync(db, content.Slug, article.Id, slugGiven: true, cancellationToken) is { } slugProblem)
            {
                return slugProblem;
            }

            await db.SlugRedirects.Where(r => r.Slug == content.Slug).ExecuteDeleteAsync(cancellationToken);
            db.SlugRedirects.Add(new ArticleSlugRedirect { Slug = article.Slug, ArticleId = article.Id });
        }

        return await ReplaceContentAsync(http, db, clock, article, content, html, "edited", write, cancellationToken);
    }

    /// <summary>
    /// An earlier revision's content made current again: a new revision ("restored") with what it changed, announced
    /// like an edit when the article is published. The current slug stays, so no address changes under readers.
    /// </summary>
    private static async Task<Results<Ok<ArticleResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Restore(
        Guid id, int number, HttpContext http, ArticlesDbContext db, MarkdownRenderer markdown, TimeProvider clock, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        var revision = await db.Revisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == id && r.Number == number, cancellationToken);
        if (article is null || revision is null)
        {
            return TypedResults.NotFound();
        }

        if (ArticleETags.CheckIfMatch(http.Request, article) is { } failed)
        {
            return failed;
        }

        // Checked as an edit is: a revision kept from before a rule was tightened does not become current unchecked.
        var errors = new FieldErrors();
        var kept = revision.Content;
        if (new ArticleRequest(kept.Title, kept.Language, kept.Summary, kept.Body, article.Slug, kept.Tags, kept.Themes, kept.Authors,
                [.. kept.Sources.Select(source => new SourceRequest(source.Title, source.Url))], kept.ForumSlug, kept.CoverImageUrl,
                kept.CoverImageAlt).Validate(errors) is not { } content)
        {
            return errors.ToProblem();
        }

        if (!markdown.TryToHtml(content.Body, out var html))
        {
            return FieldErrors.Problem("body", MarkdownRenderer.TooDeeplyNested);
        }

        await using var write = await db.BeginWriteAsync(cancellationToken);
        return await ReplaceContentAsync(http, db, clock, article, content, html, "restored", write, cancellationToken);
    }

    /// <summary>New content for an article, inside its write: a revision when anything changed, an event when it is public.</summary>
    private static async Task<Results<Ok<ArticleResponse>, NotFound, ProblemHttpResult, ValidationProblem>> ReplaceContentAsync(
        HttpContext http, ArticlesDbContext db, TimeProvider clock, Article article, ArticleContent content, string html, string action,
        DatabaseWrite write, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var changes = article.Edit(content, html, now);
        if (changes.Count > 0)
        {
            db.Revisions.Add(ArticleRevision.Of(article, action, EditorOf(http), changes));
            if (article.Status == ArticleStatus.Published)
            {
                db.AddEvent(OutgoingArticleEvents.Updated(article, changes, now));
            }
        }

        return await SaveAsync(http, article, write, cancellationToken);
    }

    private static Task<Results<Ok<ArticleResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Schedule(
        Guid id, ScheduleRequest request, HttpContext http, ArticlesDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(id, http, db, clock, "scheduled", (article, now) =>
        {
            if (request.PublishAt is not { } publishAt)
            {
                throw new ArticleRuleException("publishAt", "A publication time is required.");
            }

            article.Schedule(publishAt, now);
        }, cancellationToken);

    private static Task<Results<Ok<ArticleResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Publish(
        Guid id, HttpContext http, ArticlesDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(id, http, db, clock, "published", (article, now) =>
        {
            article.Publish(now);
            db.AddEvent(OutgoingArticleEvents.Published(article, now));
        }, cancellationToken);

    private static Task<Results<Ok<ArticleResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Unpublish(
        Guid id, HttpContext http, ArticlesDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(id, http, db, clock, "unpublished", (article, now) =>
        {
            if (article.Unpublish(now))
            {
                // Subscribers saw it published; for them it is withdrawn from view.
                db.AddEvent(OutgoingArticleEvents.Retracted(article, "Unpublished by the editors.", hidden: true, now));
            }
        }, cancellationToken);

    private static Task<Results<Ok<ArticleResponse>, NotFound, ProblemHttpResult, ValidationProblem>> Retract(
        Guid id, RetractRequest request, HttpContext http, ArticlesDbContext db, TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(id, http, db, clock, "retracted", (article, now) =>
        {
            article.Retract(request.Reason ?? "", request.Hide, now);
            db.AddEvent(OutgoingArticleEvents.Retracted(article, article.RetractionReason!, request.Hide, now));
        }, cancellationToken);

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(
        Guid id, HttpContext http, ArticlesDbContext db, CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return TypedResults.NotFound();
        }

        if (ArticleETags.CheckIfMatch(http.Request, article) is { } failed)
        {
            return failed;
        }

        try
        {
            article.EnsureDeletable();
        }
        catch (ArticleStateException state)
        {
            return Conflict(state.Message);
        }

        // The history goes with the draft or not at all: a delete refused as stale rolls its deletes back.
        await using var write = await db.BeginWriteAsync(cancellationToken);
        db.Articles.Remove(article);
        await db.Revisions.Where(r => r.ArticleId == id).ExecuteDeleteAsync(cancellationToken);
        await db.SlugRedirects.Where(r => r.ArticleId == id).ExecuteDeleteAsync(cancellationToken);
        try
        {
            await write.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ArticleETags.Stale(article);
        }

        return TypedResults.NoContent();
    }

    /// <summary>A state change: load, check If-Match, apply, keep a revision, save; rule and state breaks become 400 and 409.</summary>
    private static async Task<Results<Ok<ArticleResponse>, NotFound, ProblemHttpResult, ValidationProblem>> ChangeAsync(
        Guid id, HttpContext http, ArticlesDbContext db, TimeProvider clock, string action, Action<Article, DateTimeOffset> change,
        CancellationToken cancellationToken)
    {
        var article = await db.Articles.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return TypedResults.NotFound();
        }

        if (ArticleETags.CheckIfMatch(http.Request, article) is { } failed)
        {
            return failed;
        }

        try
        {
            change(article, clock.GetUtcNow());
        }
        catch (ArticleRuleException rule)
        {
            return FieldErrors.Problem(rule.Field, rule.Message);
        }
        catch (ArticleStateException state)
        {
            return Conflict(state.Message);
        }

        await using var write = await db.BeginWriteAsync(cancellationToken);
        db.Revisions.Add(ArticleRevision.Of(article, action, EditorOf(http)));
        return await SaveAsync(http, article, write, cancellationToken);
    }

    /// <summary>Commits <paramref name="write"/>; a save refused as stale rolls it back and answers 412.</summary>
    private static async Task<Results<Ok<ArticleResponse>, NotFound, ProblemHttpResult, ValidationProblem>> SaveAsync(
        HttpContext http, Article article, DatabaseWrite write, CancellationToken cancellationToken)
    {
        try
        {
            await write.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else changed it between our read and our write.
            return ArticleETags.Stale(article);
        }

        ArticleETags.SetETag(http.Response, article);
        return TypedResults.Ok(ArticleResponse.From(article));
    }

    private static async Task<ValidationProblem?> SlugProblemAsync(
        ArticlesDbContext db, string slug, Guid articleId, bool slugGiven, CancellationToken cancellationToken)
    {
        var taken = await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != articleId, cancellationToken)
            || await db.SlugRedirects.AnyAsync(r => r.Slug == slug && r.ArticleId != articleId, cancellationToken);
        if (!taken)
        {
            return null;
        }

        return slugGiven
            ? FieldErrors.Problem("slug", $"The slug '{slug}' is already taken.")
            : FieldErrors.Problem("title", $"The slug '{slug}' made from this title is taken; give the article a slug of its own.");
    }

    private static ProblemHttpResult Conflict(string message) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in the article's state.", detail: message);

    private static Editor EditorOf(HttpContext http) =>
        new(http.User.FindFirst("sub")?.Value ?? "unknown", http.User.FindFirst("name")?.Value is { Length: > 0 and <= 200 } name ? name : null);
}
