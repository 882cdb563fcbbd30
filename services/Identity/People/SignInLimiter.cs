using System.Threading.RateLimiting;
using ForumPlatform.Identity.Server;
using Microsoft.Extensions.Options;

namespace ForumPlatform.Identity.People;

/// <summary>
/// Sign-in attempts allowed per remote address and per account name, in fixed windows (<c>Identity:SignInLimits</c>),
/// in every environment. Lockout stops guessing one account's password; this stops one address trying many accounts,
/// and many addresses filling one account's lockout over and over. The account name is counted whether or not such
/// an account exists, so the limit tells nothing about which exist.
/// </summary>
public sealed class SignInLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> perAddress;
    private readonly PartitionedRateLimiter<string> perAccount;

    public SignInLimiter(IOptions<IdentityServerOptions> options)
    {
        var limits = options.Value.SignInLimits;
        perAddress = Create(limits.PerAddress, limits.Window);
        perAccount = Create(limits.PerAccount, limits.Window);
    }

    /// <summary>Takes one attempt for the address and the account; when either is spent, how long until it resets.</summary>
    public bool TryAttempt(string? address, string account, out TimeSpan retryAfter)
    {
        using var byAddress = perAddress.AttemptAcquire(address ?? "unknown");
        using var byAccount = perAccount.AttemptAcquire(account.Trim().ToUpperInvariant());
        if (byAddress.IsAcquired && byAccount.IsAcquired)
        {
            retryAfter = TimeSpan.Zero;
            return true;
        }

        var refused = byAddress.IsAcquired ? byAccount : byAddress;
        retryAfter = refused.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        return false;
    }

    private static PartitionedRateLimiter<string> Create(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        }));

    public void Dispose()
    {
        perAddress.Dispose();
        perAccount.Dispose();
    }
}
