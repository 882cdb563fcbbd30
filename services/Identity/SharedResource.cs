namespace ForumPlatform.Identity;

/// <summary>The anchor of the pages' translations (<c>Resources/SharedResource.{zh,ru}.resx</c>); English is the key itself.</summary>
public sealed class SharedResource;
