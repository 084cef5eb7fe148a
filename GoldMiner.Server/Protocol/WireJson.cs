using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace GoldMiner.Server.Protocol;

/// <summary>The one set of JSON conventions for everything GoldMiner writes: camelCase, nulls kept. (Reading untrusted input is <see cref="StrictJson"/>'s job.)</summary>
public static class WireJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        NullValueHandling = NullValueHandling.Include,
        Formatting = Formatting.None,
    };

    // One serializer and text buffer per thread, reused: JsonConvert makes a serializer, a string
    // builder and the string itself per call, and a welcome (the whole board) is the biggest message
    // a room sends, twice per game.
    [ThreadStatic]
    private static JsonSerializer? serializer;

    [ThreadStatic]
    private static StringBuilder? text;

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    /// <summary>The same JSON as <see cref="Serialize"/>, as UTF-8, without the string in between.</summary>
    public static byte[] SerializeToUtf8(object value)
    {
        var builder = text ??= new StringBuilder(1024);
        builder.Clear();
        using (var writer = new StringWriter(builder, CultureInfo.InvariantCulture))
        {
            (serializer ??= JsonSerializer.Create(Settings)).Serialize(writer, value);
        }

        // After a Clear the builder is one chunk as big as what it held before, so usually the text
        // is one span. A message longer than any before it may span chunks (which may split a
        // surrogate pair): that one takes the plain way, through a string.
        foreach (var chunk in builder.GetChunks())
        {
            if (chunk.Length == builder.Length)
            {
                var bytes = new byte[Encoding.UTF8.GetByteCount(chunk.Span)];
                Encoding.UTF8.GetBytes(chunk.Span, bytes);
                return bytes;
            }

            break;
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
