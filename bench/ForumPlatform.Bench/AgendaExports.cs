using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ForumPlatform.ServiceDefaults;
using ForumPlatform.Testing;

namespace ForumPlatform.Bench;

/// <summary>
/// A forum programme of 500 sessions and 300 speakers (added to the demo forum through the gateway): the time to
/// release it, the time to release 100 moves, then schedule.json, schedule.xml and the full .ics — each fetched
/// without and with a matching ETag — with their sizes.
/// </summary>
public static class AgendaExports
{
    private const string Forum = "/api/agenda/forums/tianshan-forum-2025";
    private const int Rooms = 15;
    private const int SlotsPerDay = 20;

    public static async Task<(IReadOnlyList<Series> Series, IReadOnlyDictionary<string, string> Notes)> RunAsync(
        RunningForumPlatform system, BenchScale scale)
    {
        var (sessions, speakers, requests, moves) = (scale.Of(500, 6), scale.Of(300, 12), scale.Of(200, 2), scale.Of(100, 2));
        var warmUps = scale.Of(20, 1);
        using var organizer = system.Gateway(ForumRoles.Organizer);
        var (created, rooms, people) = await WriteProgrammeAsync(organizer, "Bench", sessions, speakers);

        var firstRelease = await TimeAsync(() => organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = $"Bench: {sessions} sessions." }));

        // Move 100 sessions five minutes later (they stay in their slot, so no new clash).
        foreach (var (id, slot, room, start) in created.Take(moves))
        {
            var moved = Session(created.FindIndex(c => c.Id == id), start.AddMinutes(5), rooms[room], people, slot, room);
            (await SessionWrites.EditAsync(organizer, Forum, $"{id}", moved)).EnsureSuccessStatusCode();
        }

        var secondRelease = await TimeAsync(() => organizer.PostAsJsonAsync($"{Forum}/releases", new { comment = $"Bench: {moves} moves." }));

        // Statistics and notifications are still consuming the releases' events; time the reads once they are done.
        using var admin = system.Gateway(ForumRoles.Admin);
        await Eventually.TrueAsync(async () =>
        {
            var metrics = (await admin.GetFromJsonAsync<JsonElement>("/api/stats/platform")).GetProperty("metrics");
            return metrics.TryGetProperty("sessions.scheduled", out var scheduled) && scheduled.GetProperty("all").GetInt64() >= sessions
                && metrics.TryGetProperty("sessions.rescheduled", out var rescheduled) && rescheduled.GetProperty("all").GetInt64() >= moves;
        }, TimeSpan.FromMinutes(2), "statistics to consume the releases' events");
        await Task.Delay(TimeSpan.FromSeconds(3));

        using var reader = system.Gateway();
        var series = new List<Series>();
        var notes = new Dictionary<string, string>
        {
            ["release of 500 new sessions"] = $"{firstRelease:F0} ms",
            ["release of 100 moved sessions"] = $"{secondRelease:F0} ms",
        };
        foreach (var export in new[] { "schedule.json", "schedule.xml", "schedule.ics", "sessions" })
        {
            var path = $"{Forum}/{export}";
            var (full, size, etag, firstMs) = await FetchAsync(reader, path, warmUps, requests, etag: null);
            var (notModified, _, _, _) = await FetchAsync(reader, path, warmUps, requests, etag);
            series.Add(new Series("agenda-500", $"{export} 200", full));
            series.Add(new Series("agenda-500", $"{export} 304 (If-None-Match)", notModified));
            notes[$"{export}"] = $"{size / 1024.0:F0} KiB; first request after the release (renders it): {firstMs:F1} ms";
        }

        return (series, notes);
    }

    /// <summary>
    /// Adds <paramref name="sessions"/> sessions (15 rooms of its own, named after <paramref name="prefix"/>, and
    /// <paramref name="speakers"/> speakers) to the demo forum's working copy, in half-hour slots that never clash.
    /// </summary>
    internal static async Task<(List<(string Id, int Slot, int Room, DateTimeOffset Start)> Sessions, List<string> Rooms, List<string> Speakers)>
        WriteProgrammeAsync(HttpClient organizer, string prefix, int sessions, int speakers)
    {
        var rooms = new List<string>();
        for (var i = 0; i < Rooms; i++)
        {
            rooms.Add(await IdOfAsync(await organizer.PostAsJsonAsync($"{Forum}/rooms", new { name = $"{prefix} room {i + 1}", capacity = 100, position = 10 + i })));
        }

        var people = new List<string>();
        for (var i = 0; i < speakers; i++)
        {
            people.Add(await IdOfAsync(await organizer.PostAsJsonAsync($"{Forum}/speakers",
                new { name = $"Sample Speaker {i + 1}", role = "Sample data", organization = "Sample organization", country = "KZ" })));
        }

        var created = new List<(string Id, int Slot, int Room, DateTimeOffset Start)>();
        for (var i = 0; i < sessions; i++)
        {
            var slot = i / Rooms;
            var room = i % Rooms;
            var start = SlotStart(slot);
            var body = Session(i, start, rooms[room], people, slot, room);
            created.Add((await IdOfAsync(await organizer.PostAsJsonAsync($"{Forum}/sessions", body)), slot, room, start));
        }

        return (created, rooms, people);
    }

    private static object Session(int i, DateTimeOffset start, string room, List<string> people, int slot, int roomIndex) => new
    {
        title = $"Bench session {i + 1}",
        type = (i % 3) switch { 0 => "panel", 1 => "workshop", _ => "keynote" },
        start = start.ToString("o", CultureInfo.InvariantCulture),
        end = start.AddMinutes(25).ToString("o", CultureInfo.InvariantCulture),
        roomId = room,
        language = "en",
        @abstract = "Sample data: a session of the agenda benchmark.",
        // 30 distinct speakers per slot, so nobody speaks in two rooms at once.
        speakers = new[] { 0, 1 }.Select(j => new { speakerId = people[(slot * Rooms * 2 + roomIndex * 2 + j) % people.Count], role = "speaker" }).ToArray(),
    };

    /// <summary>Half-hour slots clear of the demo programme's break: 2 December from 13:30, 3 December from 08:00 (Beijing time).</summary>
    private static DateTimeOffset SlotStart(int slot) => slot < SlotsPerDay
        ? new DateTimeOffset(2025, 12, 2, 13, 30, 0, TimeSpan.FromHours(8)).AddMinutes(30 * slot)
        : new DateTimeOffset(2025, 12, 3, 8, 0, 0, TimeSpan.FromHours(8)).AddMinutes(30 * (slot - SlotsPerDay));

    private static async Task<string> IdOfAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<double> TimeAsync(Func<Task<HttpResponseMessage>> call)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await call();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return elapsed;
    }

    private static async Task<(List<double> Times, long Size, System.Net.Http.Headers.EntityTagHeaderValue? ETag, double FirstMs)> FetchAsync(
        HttpClient client, string path, int warmUps, int requests, System.Net.Http.Headers.EntityTagHeaderValue? etag)
    {
        var times = new List<double>(requests);
        var first = 0.0;
        long size = 0;
        System.Net.Http.Headers.EntityTagHeaderValue? seen = null;
        for (var i = 0; i < requests + warmUps; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (etag is not null)
            {
                request.Headers.IfNoneMatch.Add(etag);
            }

            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if ((int)response.StatusCode is not (200 or 304))
            {
                throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
            }

            size = body.Length;
            seen = response.Headers.ETag;
            if (i == 0)
            {
                first = elapsed;
            }

            if (i >= warmUps)
            {
                times.Add(elapsed);
            }
        }

        return (times, size, seen, first);
    }
}
