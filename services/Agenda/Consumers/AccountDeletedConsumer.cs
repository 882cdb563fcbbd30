using ForumPlatform.Agenda.Data;
using ForumPlatform.Contracts;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ForumPlatform.Agenda.Consumers;

/// <summary>A deleted account's stars and calendar feed go with it (inside the inbox filter's write).</summary>
public sealed class AccountDeletedConsumer(AgendaDbContext db) : IConsumer<AccountDeleted>
{
    public async Task Consume(ConsumeContext<AccountDeleted> context)
    {
        var subject = context.Message.Subject;
        await db.Stars.Where(star => star.Subject == subject).ExecuteDeleteAsync(context.CancellationToken);
        await db.PersonalCalendars.Where(calendar => calendar.Subject == subject).ExecuteDeleteAsync(context.CancellationToken);
    }
}
