namespace ForumPlatform.Testing;

/// <summary>Test databases are SQLite files in WAL mode: the file and its two companions.</summary>
public static class SqliteTestFiles
{
    public static void Delete(string databasePath)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
