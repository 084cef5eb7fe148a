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

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    public static byte[] SerializeToUtf8(object value) => Encoding.UTF8.GetBytes(Serialize(value));
}
