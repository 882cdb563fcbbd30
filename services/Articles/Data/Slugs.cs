using System.Globalization;
using System.Text;

namespace ForumPlatform.Articles.Data;

/// <summary>URL slugs from titles: lower-case ASCII letters and digits joined by single hyphens.</summary>
public static class Slugs
{
    public static string FromTitle(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var character in title.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(character))
            {
                builder.Append(char.ToLowerInvariant(character));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 80)
        {
            slug = slug[..80].TrimEnd('-');
        }

        // Titles in Chinese or Russian have no ASCII letters; a short random slug keeps the URL valid.
        return slug.Length > 0 ? slug : $"article-{Guid.NewGuid().ToString("N")[..8]}";
    }
}
