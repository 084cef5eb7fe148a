using GoldMiner.Server.Persistence;
using GoldMiner.Server.Protocol;

namespace GoldMiner.Server.Lobby;

/// <summary>Finished games, read from the journal: they outlive their rooms and restarts.</summary>
public static class GameHistoryEndpoints
{
    private const int ListLimit = 50;

    public static void MapGameHistory(this IEndpointRouteBuilder app)
    {
        var games = app.MapGroup("/api/games");
        games.MapGet("", async (IGameStore store, CancellationToken cancellation) =>
        {
            var finished = await store.ListFinishedAsync(ListLimit, cancellation);
            return WireJsonResult.Of(finished.Select(g => new
            {
                id = g.Opened.RoomId,
                name = g.Opened.Name,
                rules = WireNames.Of(g.Opened.Options.Rules),
                rows = g.Opened.Options.Rows,
                cols = g.Opened.Options.Cols,
                gold = g.Opened.Options.Gold,
                createdAt = g.Opened.CreatedAt,
                finishedAt = g.Finished.At,
                winner = g.Finished.Winner,
                reason = WireNames.Of(g.Finished.Reason),
            }).ToList());
        });
        games.MapGet("/{id}", async (string id, IGameStore store, CancellationToken cancellation) =>
            await store.LoadRoomAsync(id, cancellation) is { FinishedAt: { } finishedAt } stored
                ? WireJsonResult.Of(GameRecord.From(stored, finishedAt))
                : Results.Problem(title: "There is no finished game with that id.", statusCode: StatusCodes.Status404NotFound));
    }
}
