namespace ForumPlatform.Web;

/// <summary>The anchor of the interface's translations (<c>Resources/SharedResource.{zh,ru}.resx</c>); English is the key itself.</summary>
public sealed class SharedResource;
