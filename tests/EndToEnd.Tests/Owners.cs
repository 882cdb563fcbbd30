namespace ForumPlatform.EndToEnd.Tests;

/// <summary>Disposes the subscription owners' clients a test made.</summary>
internal sealed class Owners(params HttpClient[] clients) : IDisposable
{
    public void Dispose()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
}
