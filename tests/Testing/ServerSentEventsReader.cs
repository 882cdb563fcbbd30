using System.Net;
using Xunit;

namespace ForumPlatform.Testing;

/// <summary>A minimal Server-Sent Events reader over a streamed HTTP response.</summary>
public sealed class ServerSentEventsReader : IDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private ServerSentEventsReader(HttpResponseMessage response, StreamReader reader)
    {
        this.response = response;
        this.reader = reader;
    }

    public static Task<ServerSentEventsReader> OpenAsync(HttpClient client, string path) =>
        OpenAsync(client, new HttpRequestMessage(HttpMethod.Get, path));

    public static async Task<ServerSentEventsReader> OpenAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new ServerSentEventsReader(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event of <paramref name="type"/>, skipping others.</summary>
    public async Task<(string Type, string? Id, string Data)> NextAsync(string type, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            string eventType = "message", data = "";
            string? id = null;
            string? line;
            while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(cancel.Token)))
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal)) eventType = line[7..];
                else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data += line[6..];
            }

            if (line is null)
            {
                throw new EndOfStreamException("The stream ended.");
            }

            if (eventType == type && (data.Length > 0 || type != "message"))
            {
                return (eventType, id, data);
            }
        }
    }

    public void Dispose()
    {
        reader.Dispose();
        response.Dispose();
    }
}
