using System.ComponentModel;

namespace ForumPlatform.Agenda.Api;

public sealed record SessionQuery(
    [property: Description("A day of the forum, yyyy-MM-dd in its time zone.")] DateOnly? Day = null,
    [property: Description("Track slug.")] string? Track = null,
    [property: Description("Room id.")] Guid? Room = null,
    [property: Description("Speaker id.")] Guid? Speaker = null,
    [property: Description("plenary, panel, keynote, workshop, launch or break.")] string? Type = null,
    [property: Description("Words to find in title, subtitle or abstract.")] string? Q = null,
    [property: Description("A released version; the latest when left out.")] string? Version = null);
