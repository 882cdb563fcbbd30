using Microsoft.AspNetCore.Components;

namespace ForumPlatform.Web;

public static class CalendarLinks
{
    /// <summary>
    /// The <c>webcal://</c> address of an iCalendar export on this site: calendar apps subscribe to it and follow its
    /// changes, where an https link would only download it once.
    /// </summary>
    public static string Webcal(this NavigationManager navigation, string path) => $"webcal://{new Uri(navigation.BaseUri).Authority}{path}";
}
