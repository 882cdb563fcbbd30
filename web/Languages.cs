using Microsoft.AspNetCore.Localization;

namespace ForumPlatform.Web;

/// <summary>
/// <c>/language/{code}?returnUrl=…</c>: keeps the reader's language in the culture cookie (the identity service's
/// sign-in pages read the same cookie, so one choice holds for both) and goes back to the page, without JavaScript.
/// </summary>
public static class LanguageSwitch
{
    public static void Map(WebApplication app) =>
        app.MapGet("/language/{code}", (string code, string? returnUrl, HttpContext http) =>
        {
            if (!WebsiteExtensions.Languages.Contains(code))
            {
                return Results.NotFound();
            }

            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
                new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, IsEssential = true, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(SignIn.WebsiteSignIn.LocalOnly(returnUrl));
        });

    /// <summary>The language a reader chose with the switch, if they did (not what their browser merely prefers).</summary>
    public static string? Chosen(HttpContext? http) =>
        http?.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] is { } cookie
        && CookieRequestCultureProvider.ParseCookieValue(cookie)?.UICultures.FirstOrDefault().Value is { } language
        && WebsiteExtensions.Languages.Contains(language)
            ? language
            : null;
}
