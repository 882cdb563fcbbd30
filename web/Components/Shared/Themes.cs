namespace ForumPlatform.Web.Components.Shared;

/// <summary>The themes an article may have (the articles service's list).</summary>
public static class Themes
{
    public static readonly IReadOnlyList<string> All = ["transport", "energy", "digital", "trade", "finance", "investment", "connectivity"];

    /// <summary>The theme as the interface names it (and the key of its translation): "Transport".</summary>
    public static string Label(string theme) => theme.Length == 0 ? theme : char.ToUpperInvariant(theme[0]) + theme[1..];
}
