using System.Globalization;

namespace GoldMiner.Server.Rooms;

/// <summary>Cleans a name a person typed (nickname or room name) before anyone else sees it.</summary>
public static class DisplayName
{
    /// <summary>
    /// Trims <paramref name="raw"/> and cuts it to <paramref name="maxLength"/> text elements (so an
    /// emoji is never cut in half). Control characters and bidirectional overrides are refused
    /// rather than stripped: they are never typed by accident and can disguise a name.
    /// </summary>
    /// <returns>The clean name, or null when the name must be refused (then <paramref name="problem"/> says why).</returns>
    public static string? Normalize(string raw, int maxLength, out string? problem)
    {
        problem = null;
        foreach (var ch in raw)
        {
            if (char.IsControl(ch) || ch is '\u2028' or '\u2029' || (ch >= '\u202A' && ch <= '\u202E') || (ch >= '\u2066' && ch <= '\u2069'))
            {
                problem = "must not contain control characters";
                return null;
            }
        }

        var trimmed = raw.Trim();
        if (trimmed.Length == 0)
        {
            problem = "must not be empty";
            return null;
        }

        var elements = new StringInfo(trimmed);
        return elements.LengthInTextElements <= maxLength
            ? trimmed
            : elements.SubstringByTextElements(0, maxLength).TrimEnd();
    }
}
