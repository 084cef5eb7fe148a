using System.Buffers;
using GoldMiner.Server.Configuration;
using GoldMiner.Server.Protocol;
using GoldMiner.Server.Rooms;
using Microsoft.Extensions.Options;

namespace GoldMiner.Server.Lobby;

/// <summary>The HTTP lobby: list, show and create rooms. Bodies use the same JSON conventions as the socket.</summary>
public static class LobbyEndpoints
{
    public const string CreateRoomPolicy = "create-room";

    private const int MaxBodyBytes = 4096;

    public static void MapLobby(this IEndpointRouteBuilder app)
    {
        var rooms = app.MapGroup("/api/rooms");
        rooms.MapGet("", (RoomRegistry registry) => WireJsonResult.Of(registry.Newest().Select(room => room.Summary()).ToList()));
        rooms.MapGet("/{id}", (string id, RoomRegistry registry) => registry.Find(id) is { } room
            ? WireJsonResult.Of(room.Summary())
            : Results.Problem(title: "There is no room with that id.", statusCode: StatusCodes.Status404NotFound));
        rooms.MapPost("", CreateAsync).RequireRateLimiting(CreateRoomPolicy);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, RoomRegistry registry, IOptions<GoldMinerOptions> options)
    {
        var (tooLarge, request, problem) = await ReadRequestAsync(context.Request, options.Value);
        if (tooLarge)
        {
            return Results.Problem(
                title: "The request body is too large.",
                detail: $"Room options fit in {MaxBodyBytes} bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        if (problem is not null)
        {
            return Results.Problem(
                title: "The room options are not valid.",
                detail: problem.Detail,
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["field"] = problem.Field });
        }

        if (await registry.TryCreateAsync(request!.Name, request.Options) is not { } room)
        {
            return Results.Problem(
                title: "The server has as many rooms open as it can take; try again later.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        context.Response.Headers.Location = $"/api/rooms/{room.Id}";
        return WireJsonResult.Of(room.Summary(), StatusCodes.Status201Created);
    }

    /// <summary>Reads and parses the body: too large when it is over the limit (read no further than that).</summary>
    private static async Task<(bool TooLarge, CreateRoomParser.Request? Request, CreateRoomParser.Problem? Problem)> ReadRequestAsync(
        HttpRequest request, GoldMinerOptions options)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (true, null, null);
        }

        // A pooled buffer: a room is created per game, and a fresh one of the limit's size per
        // request was a tenth of what a busy server allocated (docs/performance.md, round 9). The
        // parser copies what it keeps, so the buffer goes back as soon as it has read it.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= MaxBodyBytes
                && (read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBodyBytes + 1 - length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
            }

            if (length > MaxBodyBytes)
            {
                return (true, null, null);
            }

            var (parsed, problem) = CreateRoomParser.Parse(buffer.AsMemory(0, length), options);
            return (false, parsed, problem);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
