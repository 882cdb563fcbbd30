using ForumPlatform.Identity.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Identity.Api;

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Kind, string? Subject, string? Actor, string? Address, string? Detail);

/// <summary>The audit log, for admins: newest first, by subject and kind.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/audit").WithTags("Audit").RequireAuthorization(IdentityApi.AdminPolicy);
        api.MapGet("", ReadAudit).WithName("ReadAudit")
            .WithSummary("Sign-ins, failures, lockouts, role and client changes, newest first; before= pages back by id.");
        return api;
    }

    private static async Task<Ok<List<AuditEntryResponse>>> ReadAudit(
        string? subject, string? kind, long? before, int? limit, IdentityDb db, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(subject))
        {
            query = query.Where(entry => entry.Subject == subject);
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            query = query.Where(entry => entry.Kind == kind);
        }

        if (before is { } id)
        {
            query = query.Where(entry => entry.Id < id);
        }

        var entries = await query.OrderByDescending(entry => entry.Id).Take(Math.Clamp(limit ?? 100, 1, 1000))
            .Select(entry => new AuditEntryResponse(entry.Id, entry.At, entry.Kind, entry.Subject, entry.Actor, entry.Address, entry.Detail))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }
}
