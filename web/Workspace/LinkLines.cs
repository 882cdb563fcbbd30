namespace ForumPlatform.Web.Workspace;

/// <summary>Links as the workspace's forms take them (an article's sources, a session's links): one per line, "title | address".</summary>
public static class LinkLines
{
    public static string Write(IEnumerable<(string Title, string Url)> links) =>
        string.Join("\n", links.Select(link => $"{link.Title} | {link.Url}"));

    /// <summary>A line without the bar is an address with no title: the API then names the missing title.</summary>
    public static IEnumerable<(string Title, string Url)> Read(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
            line.LastIndexOf('|') is var bar and >= 0 ? (line[..bar].Trim(), line[(bar + 1)..].Trim()) : ("", line));
}
