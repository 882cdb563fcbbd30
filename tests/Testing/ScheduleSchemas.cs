using System.Xml;

namespace ForumPlatform.Testing;

/// <summary>Checks schedule exports against the public schemas (copies in tests/Agenda.Tests/Schemas, see its README).</summary>
public static class ScheduleSchemas
{
    /// <summary>The schema copies as the test projects place them beside their binaries.</summary>
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Schemas");

    /// <summary>What the c3voc XSD finds wrong with a schedule.xml; empty when it is valid.</summary>
    public static List<string> XsdProblems(string xml)
    {
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema };
        settings.Schemas.Add(null, Path.Combine(Folder, "schedule.xml.xsd"));
        var problems = new List<string>();
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }
}
