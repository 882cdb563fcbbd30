namespace ForumPlatform.Articles.Tests;

[CollectionDefinition(Name)]
public sealed class ArticlesCollection : ICollectionFixture<ArticlesServiceFixture>
{
    public const string Name = "Articles service";
}
