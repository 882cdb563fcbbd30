using ForumPlatform.Agenda.Data;

namespace ForumPlatform.Agenda.Api;

public sealed record ForumResponse(
    Guid Id,
    string Slug,
    string Name,
    string Theme,
    string HostOrganization,
    string City,
    string Venue,
    DateOnly StartDate,
    DateOnly EndDate,
    string TimeZone,
    string Description,
    IReadOnlyList<string> Languages)
{
    public static ForumResponse From(Forum forum) => new(
        forum.Id, forum.Slug, forum.Name, forum.Theme, forum.HostOrganization, forum.City, forum.Venue,
        forum.StartDate, forum.EndDate, forum.TimeZone, forum.Description, forum.Languages);
}
