using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace GoldMiner.Server.Protocol;

/// <summary>
/// Reads untrusted JSON exactly as RFC 8259 defines it. System.Text.Json is strict where Newtonsoft
/// is lenient (it would take <c>{type:'ping'}</c>, comments, trailing commas and NaN), validates
/// UTF-8, bounds nesting, and reads the received bytes without decoding them to a string first.
/// </summary>
public static class StrictJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>Parses <paramref name="utf8"/>; null when it is not a single valid JSON value.</summary>
    public static JsonDocument? TryParse(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            return JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The value of <paramref name="name"/> in an object, or null when absent or JSON null.</summary>
    public static JsonElement? Field(this JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>An integer field as an int; integers too large for int map to -1 (outside every board), not an error.</summary>
    public static bool TryGetBoardInt(this JsonElement value, out int result)
    {
        result = 0;

        // The raw bytes, not GetRawText(): a string per number would be two more objects per dig.
        return value.ValueKind == JsonValueKind.Number && TryGetBoardInt(JsonMarshal.GetRawUtf8Value(value), out result);
    }

    /// <summary>
    /// The rule for a board coordinate, on a JSON number's raw text (a document's or a reader's):
    /// an integer, not a fraction or an exponent; one too large for int maps to -1, outside every board.
    /// </summary>
    public static bool TryGetBoardInt(ReadOnlySpan<byte> rawNumber, out int result)
    {
        result = 0;
        if (rawNumber.IndexOfAny(".eE"u8) >= 0)
        {
            return false;
        }

        // As JsonElement.TryGetInt32 and Utf8JsonReader.TryGetInt32 read a number.
        result = Utf8Parser.TryParse(rawNumber, out int number, out var consumed) && consumed == rawNumber.Length ? number : -1;
        return true;
    }
}
