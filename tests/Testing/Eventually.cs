namespace ForumPlatform.Testing;

/// <summary>Polls until a probe yields a value or a timeout passes; every wait in the tests has a bound.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : class =>
        (await PollAsync(async () => await probe() is { } value ? new Box<T>(value) : null, timeout, what)).Value;

    public static async Task<T> GetValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what) where T : struct =>
        (await PollAsync(async () => await probe() is { } value ? new Box<T>(value) : null, timeout, what)).Value;

    public static Task TrueAsync(Func<Task<bool>> probe, TimeSpan timeout, string what) =>
        PollAsync(async () => await probe() ? new Box<bool>(true) : null, timeout, what);

    private static async Task<Box<T>> PollAsync<T>(Func<Task<Box<T>?>> probe, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for {what}.");
            }

            await Task.Delay(50);
        }
    }

    private sealed record Box<T>(T Value);
}
