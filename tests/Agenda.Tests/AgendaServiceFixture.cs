using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.Agenda.Data;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.Agenda.Tests;

/// <summary>The agenda service with the demo forum (released as 1.0) on a real SQLite file and a private RabbitMQ node.</summary>
public sealed class AgendaServiceFixture() : ServiceFixture<AgendaDbContext>("agenda")
{
    public const string Forum = "/api/agenda/forums/tianshan-forum-2025";

    public HttpClient Organizer() => ClientFor(ForumRoles.Organizer);

    /// <summary>A signed-in person with no role, known by <paramref name="subject"/> (the token's <c>sub</c>).</summary>
    public HttpClient Reader(string subject)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestAuthority.Shared.Token(subject, []));
        return client;
    }

    public Task<T> WithDbAsync<T>(Func<AgendaDbContext, Task<T>> query) => WithServiceAsync(query);

    /// <summary>A room of the test's own, so its bookings never clash with another test's.</summary>
    public async Task<string> NewRoomAsync()
    {
        var response = await Organizer().PostAsJsonAsync($"{Forum}/rooms", new { name = $"Test room {Guid.NewGuid():N}"[..18], capacity = 50 });
        return (await Read(response)).GetProperty("id").GetString()!;
    }

    public async Task<string> NewSpeakerAsync(string name = "Sample Speaker")
    {
        var response = await Organizer().PostAsJsonAsync($"{Forum}/speakers", new { name, role = "Sample role", country = "KZ" });
        return (await Read(response)).GetProperty("id").GetString()!;
    }

    public static object Session(string title, string start, string end, string? roomId, string type = "panel", params string[] speakers) => new
    {
        title,
        type,
        start,
        end,
        roomId,
        language = "en",
        speakers = speakers.Select(id => new { speakerId = id, role = "speaker" }).ToArray(),
    };

    public static async Task<JsonElement> Read(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

[CollectionDefinition(Name)]
public sealed class AgendaCollection : ICollectionFixture<AgendaServiceFixture>
{
    public const string Name = "Agenda service";
}
