using ForumPlatform.Identity.Data;

namespace ForumPlatform.Identity.People;

/// <summary>Writes the audit log: every sign-in, failure, lockout, role change and client change.</summary>
public sealed partial class AuditLog(IdentityDb db, TimeProvider clock, ILogger<AuditLog> logger)
{
    public async Task AddAsync(string kind, string? subject, string? actor, HttpContext? http, string? detail, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            Kind = kind,
            Subject = subject,
            Actor = actor,
            Address = http?.Connection.RemoteIpAddress?.ToString(),
            Detail = detail,
        });
        await db.SaveChangesAsync(cancellationToken);
        LogEntry(kind, subject, actor, detail);
    }

    [LoggerMessage(LogLevel.Information, "Audit {Kind}: {Subject} by {Actor} ({Detail})")]
    private partial void LogEntry(string kind, string? subject, string? actor, string? detail);
}
