using System.Xml;

namespace ForumPlatform.ServiceDefaults;

/// <summary>
/// Text the services keep ends up in XML too (feeds, schedule exports, charts), and XML 1.0 cannot carry every
/// character a JSON string can: control characters other than tab, line feed and carriage return, U+FFFE, U+FFFF and
/// unpaired surrogates. One such character stored would make every export that includes it fail, so it is refused
/// where it comes in.
/// </summary>
public static class StoredText
{
    public const string Refusal = "Contains a character XML cannot carry (a control character other than tab, line feed or carriage return, U+FFFE, U+FFFF or half a surrogate pair).";

    public static bool IsStorable(string? value)
    {
        if (value is null)
        {
            return true;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (XmlConvert.IsXmlChar(value[i]))
            {
                continue;
            }

            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                i++;
                continue;
            }

            return false;
        }

        return true;
    }
}
