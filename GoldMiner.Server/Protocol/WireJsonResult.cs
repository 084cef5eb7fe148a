using System.Text;

namespace GoldMiner.Server.Protocol;

/// <summary>An HTTP answer written with the wire's JSON conventions (<see cref="WireJson"/>).</summary>
public static class WireJsonResult
{
    public static IResult Of(object value, int status = StatusCodes.Status200OK) =>
        Results.Text(WireJson.Serialize(value), "application/json", Encoding.UTF8, status);
}
