namespace ForumPlatform.ServiceDefaults;

/// <summary>The roles a bearer token can carry (claim <c>role</c>); <c>admin</c> may do everything.</summary>
public static class ForumRoles
{
    public const string Editor = "editor";
    public const string Organizer = "organizer";
    public const string Analyst = "analyst";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Editor, Organizer, Analyst, Admin];
}

/// <summary>
/// Authorization policies by the work they allow. Each role policy admits its own role and <c>admin</c>;
/// the gateway and every service use the same names, so a route's policy reads the same everywhere.
/// </summary>
public static class ForumPolicies
{
    /// <summary>Any valid platform token with a subject, whatever its roles: a reader's own things (their stars).</summary>
    public const string SignedIn = "signed-in";

    public const string Editor = "editor";
    public const string Organizer = "organizer";
    public const string Analyst = "analyst";
    public const string Admin = "admin";
}
