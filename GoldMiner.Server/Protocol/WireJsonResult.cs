using System.Net.Mime;

namespace GoldMiner.Server.Protocol;

/// <summary>An HTTP answer written with the wire's JSON conventions (<see cref="WireJson"/>).</summary>
public static class WireJsonResult
{
    private const string ContentType = MediaTypeNames.Application.Json + "; charset=utf-8";

    // Straight to UTF-8 with the thread's serializer and buffer: the lobby answers a room creation
    // per game, and a serializer, builder and string per answer were ~5% of what a busy server
    // allocated (docs/performance.md, round 9).
    public static IResult Of(object value, int status = StatusCodes.Status200OK) =>
        Results.Text(WireJson.SerializeToUtf8(value), ContentType, status);
}
