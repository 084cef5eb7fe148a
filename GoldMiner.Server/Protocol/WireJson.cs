using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace GoldMiner.Server.Protocol;

/// <summary>The one set of JSON conventions for everything GoldMiner writes or reads: camelCase, nulls kept.</summary>
public static class WireJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        ContractResolver = new CamelCasePropertyNamesContractResolver(),
        NullValueHandling = NullValueHandling.Include,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = 16,
        Formatting = Formatting.None,
    };

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    public static byte[] SerializeToUtf8(object value) => Encoding.UTF8.GetBytes(Serialize(value));

    /// <summary>Parses untrusted text; dates stay strings and nesting is bounded.</summary>
    /// <exception cref="JsonReaderException">The text is not JSON.</exception>
    public static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = 16,
        };
        var token = JToken.ReadFrom(reader);
        if (reader.Read())
        {
            throw new JsonReaderException("Unexpected content after the JSON value.");
        }

        return token;
    }
}
