using GoldMiner.Core;
using GoldMiner.Server.Persistence;
using GoldMiner.Server.Protocol;

namespace GoldMiner.Server.Lobby;

/// <summary>A finished game as GET /api/games/{id} returns it: enough for a client to replay it move by move.</summary>
public sealed record GameRecord(
    string Id,
    string Name,
    string Rules,
    int Rows,
    int Cols,
    int Gold,
    DateTimeOffset CreatedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<GameRecord.Player> Players,
    IReadOnlyList<int> Scores,
    int? Winner,
    string Reason,
    int[][] Board,
    IReadOnlyList<GameRecord.Move> Moves)
{
    public static GameRecord From(StoredRoom stored, DateTimeOffset finishedAt)
    {
        var game = stored.Replay();
        var opened = stored.Opened;
        var players = Enumerable.Range(0, Game.SeatCount)
            .Select(stored.LastJoin)
            .OfType<RoomEventRecord>()
            .Select(join => new Player(join.Seat, join.Name!, game.Scores[join.Seat]))
            .ToList();
        var moves = stored.Events
            .Where(e => e.Kind is RoomEventKind.Join or RoomEventKind.Dig or RoomEventKind.Leave)
            .Select(e => new Move(e.Seq, e.Kind.ToString().ToLowerInvariant(), e.Seat, e.Row, e.Col, e.Name, e.At))
            .ToList();
        return new GameRecord(
            opened.RoomId,
            opened.Name,
            WireNames.Of(opened.Options.Rules),
            opened.Options.Rows,
            opened.Options.Cols,
            opened.Options.Gold,
            opened.CreatedAt,
            finishedAt,
            players,
            game.Scores.ToArray(),
            game.Winner,
            WireNames.Of(game.EndReason ?? GameEndReason.Forfeit),
            game.Board.ToRows(),
            moves);
    }

    public sealed record Player(int Seat, string Name, int Score);

    /// <summary>One accepted move: `join` (with name), `dig` (with row and col) or `leave`.</summary>
    public sealed record Move(long Seq, string Type, int Seat, int? Row, int? Col, string? Name, DateTimeOffset At);
}
