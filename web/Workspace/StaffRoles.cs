using ForumPlatform.ServiceDefaults;

namespace ForumPlatform.Web.Workspace;

/// <summary>
/// Who opens which workspace page (for <c>[Authorize(Roles = …)]</c>): the website only chooses what to show; the
/// services decide what each call may do with the person's own token.
/// </summary>
public static class StaffRoles
{
    public const string Editors = ForumRoles.Editor + "," + ForumRoles.Admin;

    public const string Organizers = ForumRoles.Organizer + "," + ForumRoles.Admin;

    public const string Analysts = ForumRoles.Analyst + "," + ForumRoles.Admin;

    public const string Admins = ForumRoles.Admin;

    public const string Anyone = ForumRoles.Editor + "," + ForumRoles.Organizer + "," + ForumRoles.Analyst + "," + ForumRoles.Admin;

    public static bool IsEditor(System.Security.Claims.ClaimsPrincipal person) =>
        person.IsInRole(ForumRoles.Editor) || person.IsInRole(ForumRoles.Admin);

    public static bool IsAnalyst(System.Security.Claims.ClaimsPrincipal person) =>
        person.IsInRole(ForumRoles.Analyst) || person.IsInRole(ForumRoles.Admin);

    public static bool IsOrganizer(System.Security.Claims.ClaimsPrincipal person) =>
        person.IsInRole(ForumRoles.Organizer) || person.IsInRole(ForumRoles.Admin);
}
