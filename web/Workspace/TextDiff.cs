using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace ForumPlatform.Web.Workspace;

/// <summary>Two texts line beside line (DiffPlex): what was removed on the left, what was added on the right.</summary>
public static class TextDiff
{
    public enum Kind { Same, Removed, Added, Changed, Blank }

    public sealed record Line(string? Text, Kind Kind);

    public sealed record Row(Line Before, Line After);

    public static IReadOnlyList<Row> SideBySide(string before, string after)
    {
        var model = SideBySideDiffBuilder.Instance.BuildDiffModel(before, after, ignoreWhitespace: false);
        return [.. model.OldText.Lines.Zip(model.NewText.Lines, (old, @new) => new Row(LineOf(old), LineOf(@new)))];
    }

    private static Line LineOf(DiffPiece piece) => new(piece.Text, piece.Type switch
    {
        ChangeType.Deleted => Kind.Removed,
        ChangeType.Inserted => Kind.Added,
        ChangeType.Modified => Kind.Changed,
        ChangeType.Imaginary => Kind.Blank,
        _ => Kind.Same,
    });
}
