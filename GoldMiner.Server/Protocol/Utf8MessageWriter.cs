using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GoldMiner.Server.Protocol;

/// <summary>
/// The thread's <see cref="Utf8JsonWriter"/> for the messages written straight to UTF-8 (room events
/// and welcomes): the JSON <see cref="WireJson"/> writes for the same records, without Newtonsoft's
/// reflection, boxed values, string and re-encoding. A message goes into a pooled buffer, so it
/// costs nothing on the heap.
/// </summary>
internal static class Utf8MessageWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Names stay readable UTF-8 ("王" rather than "\u738B"), as Newtonsoft writes them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // One buffer and writer per thread, reused. A message is written from start to finish without
    // anything in between, so one per thread is enough.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? writer;

    /// <summary>Opens a message of <paramref name="type"/> on this thread's writer, reset to an empty buffer.</summary>
    public static Utf8JsonWriter Start(string type)
    {
        var output = buffer ??= new ArrayBufferWriter<byte>(512);
        output.ResetWrittenCount();
        var json = writer ??= new Utf8JsonWriter(output, Options);
        json.Reset(output);
        json.WriteStartObject();
        json.WriteString("type", type);
        return json;
    }

    /// <summary>
    /// Closes the message into a buffer rented from <see cref="ArrayPool{T}.Shared"/>, for a message
    /// with one owner that returns it once it has been sent (a room event: its broadcast; a welcome:
    /// whoever hands it to the joiner).
    /// </summary>
    public static ArraySegment<byte> Finish(Utf8JsonWriter json)
    {
        json.WriteEndObject();
        json.Flush();
        var written = buffer!.WrittenSpan;
        var rented = ArrayPool<byte>.Shared.Rent(written.Length);
        written.CopyTo(rented);
        return new ArraySegment<byte>(rented, 0, written.Length);
    }

    /// <summary>An array of numbers, as a property (<paramref name="name"/>) or, with no name, as an array's element.</summary>
    /// <remarks>Generic so that a list that is a value (Core's scores) is not boxed on its way in.</remarks>
    public static void WriteNumbers<TNumbers>(this Utf8JsonWriter json, string? name, TNumbers numbers)
        where TNumbers : IReadOnlyList<int>
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }

        // Indexed, not foreach: an enumerator through the interface is one more object per message.
        for (var i = 0; i < numbers.Count; i++)
        {
            json.WriteNumberValue(numbers[i]);
        }

        json.WriteEndArray();
    }

    public static void WriteNullable(this Utf8JsonWriter json, string name, int? value)
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

    public static void WriteNullable(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
