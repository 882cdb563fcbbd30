using ForumPlatform.Contracts;
using ForumPlatform.Identity.Data;
using Microsoft.AspNetCore.Identity;

namespace ForumPlatform.Identity.People;

/// <summary>
/// Deletes a person's account: its tokens are revoked, then the account, its audit entry and the
/// <see cref="AccountDeleted"/> event commit in one transaction, so the other services always hear of it (the agenda
/// deletes the person's stars and calendar feed) and never of an account that still exists.
/// </summary>
public sealed class AccountDeletion(
    UserManager<ForumUser> users,
    Accounts accounts,
    AuditLog audit,
    IdentityDb db,
    IdentityEvents events,
    TimeProvider clock)
{
    public async Task<IdentityResult> DeleteAsync(ForumUser user, HttpContext http, CancellationToken cancellationToken)
    {
        await accounts.EndSessionsAsync(user, cancellationToken);

        await using var write = await events.BeginWriteAsync(cancellationToken);
        await write.EnlistAsync(db, cancellationToken);
        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            return result; // the write rolls back
        }

        await audit.AddAsync(AuditKinds.AccountDeleted, user.Id, user.Id, http, null, cancellationToken);
        var now = clock.GetUtcNow();
        events.AddEvent(new AccountDeleted(Guid.CreateVersion7(now), now, user.Id));
        await write.CommitAsync(cancellationToken);
        return result;
    }
}
