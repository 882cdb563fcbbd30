namespace ForumPlatform.Web.Components.Shared;

/// <summary>The notifications a subscriber can ask for, with what each means to a reader (the notifications service's types).</summary>
public static class EventTypes
{
    public static readonly IReadOnlyList<(string Type, string Label)> All =
    [
        ("forum.article.published", "A news article is published"),
        ("forum.article.updated", "A published article is updated"),
        ("forum.article.retracted", "An article is retracted"),
        ("forum.schedule.released", "A new version of the programme is released"),
        ("forum.session.scheduled", "A session is added to the programme"),
        ("forum.session.rescheduled", "A session moves (time or room)"),
        ("forum.session.cancelled", "A session is cancelled"),
        ("forum.indicator.updated", "An economic figure changes"),
    ];
}
