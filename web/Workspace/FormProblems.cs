namespace ForumPlatform.Web.Workspace;

/// <summary>The API's messages by the form field they belong beside (several API fields may share one form field).</summary>
public static class FormProblems
{
    /// <param name="api">The problem's messages by the API's field names.</param>
    /// <param name="fieldOf">The form field of an API field: <c>speakers[1].speakerId</c> is the speakers list.</param>
    public static IReadOnlyDictionary<string, string[]> ByField(IReadOnlyDictionary<string, string[]> api, Func<string, string> fieldOf) =>
        api.GroupBy(problem => fieldOf(problem.Key), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.SelectMany(problem => problem.Value).ToArray(), StringComparer.OrdinalIgnoreCase);
}
