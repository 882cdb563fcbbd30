namespace ForumPlatform.Web.Components.Shared;

/// <summary>The kinds of session the agenda service knows, with the label the interface shows (and translates).</summary>
public static class SessionTypes
{
    public static readonly IReadOnlyList<string> All = ["plenary", "panel", "keynote", "workshop", "launch", "break"];

    public static string Label(string type) => Themes.Label(type);
}
