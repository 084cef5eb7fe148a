using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GoldMiner.Server.Protocol;

/// <summary>
/// Writes room events, the messages sent most often (a <c>dug</c> per dig to every member), straight
/// to UTF-8 with <see cref="Utf8JsonWriter"/>: the same JSON <see cref="WireJson"/> writes for these
/// records (a test holds the two to it), without Newtonsoft's reflection, string and re-encoding.
/// </summary>
public static class EventJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Names stay readable UTF-8 ("王" rather than "\u738B"), as Newtonsoft writes them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // One buffer and writer per thread, reused: a message costs one exact-size byte[].
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    public static byte[] ToUtf8(RoomEventMessage message)
    {
        var output = buffer ??= new ArrayBufferWriter<byte>(512);
        output.ResetWrittenCount();
        var json = writer ??= new Utf8JsonWriter(output, Options);
        json.Reset(output);

        json.WriteStartObject();
        json.WriteString("type", message.Type);
        json.WriteNumber("seq", message.Seq);
        switch (message)
        {
            case DugMessage dug:
                json.WriteNumber("by", dug.By);
                json.WriteNumber("row", dug.Row);
                json.WriteNumber("col", dug.Col);
                json.WriteStartArray("cells");

                // Indexed, not foreach: an enumerator through the interface is one more object per message.
                for (var i = 0; i < dug.Cells.Count; i++)
                {
                    var cell = dug.Cells[i];
                    json.WriteStartObject();
                    json.WriteNumber("row", cell.Row);
                    json.WriteNumber("col", cell.Col);
                    json.WriteNumber("value", cell.Value);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                WriteNumbers(json, "scores", dug.Scores);
                json.WriteNumber("goldLeft", dug.GoldLeft);
                WriteNullable(json, "turn", dug.Turn);
                break;
            case SeatEventMessage seatEvent:
                json.WriteNumber("seat", seatEvent.Seat);
                break;
            case GameStartedMessage started:
                json.WriteNumber("turn", started.Turn);
                break;
            case PlayerJoinedMessage joined:
                json.WriteNumber("seat", joined.Seat);
                json.WriteString("name", joined.Name);
                break;
            case GameOverMessage over:
                WriteNumbers(json, "scores", over.Scores);
                WriteNullable(json, "winner", over.Winner);
                json.WriteString("reason", over.Reason);
                json.WriteStartArray("board");
                foreach (var row in over.Board)
                {
                    WriteNumbers(json, null, row);
                }

                json.WriteEndArray();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(message), message, "No writer for this event.");
        }

        json.WriteEndObject();
        json.Flush();
        return output.WrittenSpan.ToArray();
    }

    private static void WriteNumbers(Utf8JsonWriter json, string? name, IReadOnlyList<int> numbers)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }

        for (var i = 0; i < numbers.Count; i++)
        {
            json.WriteNumberValue(numbers[i]);
        }

        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
