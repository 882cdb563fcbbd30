using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Distributed;

namespace ForumPlatform.Web.SignIn;

/// <summary>
/// Where a signed-in reader's session lives: on the server, tokens included. The browser's cookie holds only the
/// session's key, so no token ever reaches the browser. Kept in <see cref="IDistributedCache"/> (in memory for one
/// process; replicas share a distributed one), as long as the sign-in lasts.
/// </summary>
public sealed class ServerSideTickets(IDistributedCache sessions, TimeProvider clock) : ITicketStore
{
    private const string KeyPrefix = "forum-web-session:";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Guid.NewGuid().ToString("N");
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        sessions.SetAsync(KeyPrefix + key, TicketSerializer.Default.Serialize(ticket), new DistributedCacheEntryOptions
        {
            AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(8),
        });

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await sessions.GetAsync(KeyPrefix + key) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;

    public Task RemoveAsync(string key) => sessions.RemoveAsync(KeyPrefix + key);
}
