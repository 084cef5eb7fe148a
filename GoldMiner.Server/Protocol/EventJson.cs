using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using GoldMiner.Core;
using GoldMiner.Core.Events;

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

    /// <summary>
    /// A <c>dug</c> written from Core's event as <see cref="DugMessage"/> would be: the message
    /// sent most often skips the record (an object per dig) on its way to bytes.
    /// </summary>
    public static byte[] Dug(long seq, CellsDug dug)
    {
        var json = Start("dug", seq);
        WriteDug(json, dug.By, dug.Row, dug.Col, dug.Cells, dug.Scores, dug.GoldLeft, dug.Turn);
        return Finish(json);
    }

    public static byte[] ToUtf8(RoomEventMessage message)
    {
        var json = Start(message.Type, message.Seq);
        switch (message)
        {
            case DugMessage dug:
                WriteDug(json, dug.By, dug.Row, dug.Col, dug.Cells, dug.Scores, dug.GoldLeft, dug.Turn);
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

        return Finish(json);
    }

    /// <summary>Opens a message on this thread's writer, reset to an empty buffer.</summary>
    private static Utf8JsonWriter Start(string type, long seq)
    {
        var output = buffer ??= new ArrayBufferWriter<byte>(512);
        output.ResetWrittenCount();
        var json = writer ??= new Utf8JsonWriter(output, Options);
        json.Reset(output);
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteNumber("seq", seq);
        return json;
    }

    /// <summary>Closes the message: one exact-size byte[].</summary>
    private static byte[] Finish(Utf8JsonWriter json)
    {
        json.WriteEndObject();
        json.Flush();
        return buffer!.WrittenSpan.ToArray();
    }

    private static void WriteDug(Utf8JsonWriter json, int by, int row, int col, IReadOnlyList<RevealedCell> cells, IReadOnlyList<int> scores, int goldLeft, int? turn)
    {
        json.WriteNumber("by", by);
        json.WriteNumber("row", row);
        json.WriteNumber("col", col);
        json.WriteStartArray("cells");

        // Indexed, not foreach: an enumerator through the interface is one more object per message.
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            json.WriteStartObject();
            json.WriteNumber("row", cell.Row);
            json.WriteNumber("col", cell.Col);
            json.WriteNumber("value", cell.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteNumbers(json, "scores", scores);
        json.WriteNumber("goldLeft", goldLeft);
        WriteNullable(json, "turn", turn);
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
