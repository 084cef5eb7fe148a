using GoldMiner.Core;
using GoldMiner.Core.Events;
using GoldMiner.Server.Protocol;

namespace GoldMiner.Server.Rooms;

/// <summary>Turns Core's events into the wire messages every connection in the room receives.</summary>
internal static class EventMessages
{
    /// <summary>The event numbered <paramref name="seq"/> as the bytes every member receives, in a pooled buffer the caller owns.</summary>
    public static ArraySegment<byte> ToUtf8(GameEvent gameEvent, long seq, Board board) => gameEvent switch
    {
        CellsDug dug => EventJson.Dug(seq, dug),
        GameEnded ended => EventJson.GameOver(seq, ended, board),
        _ => EventJson.ToUtf8(From(gameEvent, seq)),
    };

    private static RoomEventMessage From(GameEvent gameEvent, long seq) => gameEvent switch
    {
        PlayerJoined e => new PlayerJoinedMessage(seq, e.Seat, e.Name),
        GameStarted e => new GameStartedMessage(seq, e.Turn),
        PlayerLeft e => new SeatEventMessage("playerLeft", seq, e.Seat),
        _ => throw new ArgumentOutOfRangeException(nameof(gameEvent), gameEvent, "No wire message for this event."),
    };
}
