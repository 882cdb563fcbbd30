namespace ForumPlatform.Web.Components.Shared;

/// <summary>The languages articles are written in, each named in itself (a reader looks for their own).</summary>
public static class Languages
{
    public static readonly IReadOnlyList<(string Code, string Name)> All = [("en", "English"), ("zh", "中文"), ("ru", "Русский")];

    public static string NameOf(string code) => All.FirstOrDefault(language => language.Code == code).Name ?? code;
}
