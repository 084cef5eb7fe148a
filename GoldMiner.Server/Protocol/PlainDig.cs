using System.Text.Json;

namespace GoldMiner.Server.Protocol;

/// <summary>
/// Reads the message sent most often, a plain <c>{"type":"dig","row":R,"col":C}</c>, straight from
/// the received bytes, without the <see cref="JsonDocument"/> the general parser builds (an object
/// per message: a tenth of what a dig allocated, docs/performance.md round 7).
/// </summary>
/// <remarks>
/// It only says yes to a message the general parser would turn into the same dig: one object with
/// exactly the properties type (the string "dig"), row and col (integers) in any order, each once,
/// and nothing after it. Anything else, from a duplicate or an extra property to a fraction or
/// broken JSON, is left to <see cref="ClientMessageParser.ParseAny"/>, which has the errors to say why.
/// </remarks>
public static class PlainDig
{
    private const int Type = 1;
    private const int Row = 2;
    private const int Col = 4;
    private const int All = Type | Row | Col;

    public static bool TryRead(ReadOnlySpan<byte> utf8, out int row, out int col)
    {
        row = col = 0;
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 2 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.ValueTextEquals("type"u8) ? Type
                    : reader.ValueTextEquals("row"u8) ? Row
                    : reader.ValueTextEquals("col"u8) ? Col
                    : 0;
                if (property == 0 || (seen & property) != 0 || !reader.Read())
                {
                    return false;
                }

                seen |= property;
                var ok = property switch
                {
                    Type => reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("dig"u8),
                    Row => TryBoardInt(ref reader, out row),
                    _ => TryBoardInt(ref reader, out col),
                };
                if (!ok)
                {
                    return false;
                }
            }

            // The object closed with all three, and nothing but whitespace follows it.
            return seen == All && reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A number token read by <see cref="StrictJson.TryGetBoardInt(ReadOnlySpan{byte}, out int)"/>, the general parser's rule.</summary>
    private static bool TryBoardInt(ref Utf8JsonReader reader, out int value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && !reader.HasValueSequence && StrictJson.TryGetBoardInt(reader.ValueSpan, out value);
    }
}
