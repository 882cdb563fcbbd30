using ForumPlatform.Articles.Data;

namespace ForumPlatform.UnitTests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Tianshan Forum opens in Urumqi", "tianshan-forum-opens-in-urumqi")]
    [InlineData("  China–Central Asia trade: $94.8 billion (2024)  ", "china-central-asia-trade-94-8-billion-2024")]
    [InlineData("Ürümqi café", "urumqi-cafe")]
    public void Title_becomes_a_lower_case_hyphenated_ascii_slug(string title, string expected) =>
        Assert.Equal(expected, Slugs.FromTitle(title));

    [Fact]
    public void Title_without_ascii_letters_gets_a_generated_slug() =>
        Assert.Matches("^article-[0-9a-f]{8}$", Slugs.FromTitle("天山论坛在乌鲁木齐开幕"));

    [Fact]
    public void Long_title_is_cut_without_a_trailing_hyphen()
    {
        var slug = Slugs.FromTitle(string.Join(' ', Enumerable.Repeat("connectivity", 20)));
        Assert.True(slug.Length <= 80);
        Assert.DoesNotMatch("-$", slug);
    }
}
