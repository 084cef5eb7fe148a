using System.Text;
using Newtonsoft.Json;

namespace GoldMiner.Tests.Server.Support;

public static class Json
{
    public static StringContent Content(object value) =>
        new(value as string ?? JsonConvert.SerializeObject(value), Encoding.UTF8, "application/json");
}
