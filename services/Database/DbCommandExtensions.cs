using System.Data.Common;

namespace ForumPlatform.Database;

/// <summary>For the few hot paths that write with one prepared statement per row instead of the change tracker.</summary>
public static class DbCommandExtensions
{
    /// <summary>Adds a parameter named <paramref name="name"/> (e.g. <c>$id</c>) and returns it, to be set per row.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
