using GoldMiner.Core;
using GoldMiner.Core.Moves;

namespace GoldMiner.Server.Persistence;

/// <summary>A room as read back from the store: its opening record and every event, in seq order.</summary>
public sealed record StoredRoom(RoomOpened Opened, IReadOnlyList<RoomEventRecord> Events, DateTimeOffset? FinishedAt)
{
    /// <summary>The Core moves among the events, in order: replaying them rebuilds the game.</summary>
    public IEnumerable<GameMove> Moves() => Events.Select(ToMove).OfType<GameMove>();

    public Game Replay() => Game.Replay(Opened.Options, Opened.Seed, Moves());

    /// <summary>The latest join into <paramref name="seat"/> (a seat freed before the start can be taken again), or null.</summary>
    public RoomEventRecord? LastJoin(int seat) => Events.LastOrDefault(e => e.Kind == RoomEventKind.Join && e.Seat == seat);

    private static GameMove? ToMove(RoomEventRecord e) => e.Kind switch
    {
        RoomEventKind.Join => new JoinMove(e.Name!),
        RoomEventKind.Dig => new DigMove(e.Seat, e.Row!.Value, e.Col!.Value),
        RoomEventKind.Leave => new LeaveMove(e.Seat),
        _ => null,
    };
}
