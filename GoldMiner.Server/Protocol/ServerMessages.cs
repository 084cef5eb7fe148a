using GoldMiner.Core;
using Newtonsoft.Json;

namespace GoldMiner.Server.Protocol;

// The whole server -> client message set in one file, so the contract reads at a glance.
// Records serialise through WireJson: camelCase, with "type" written first.

/// <summary>Every message the server sends carries its `type` first.</summary>
public abstract record ServerMessage([property: JsonProperty(Order = -10)] string Type);

/// <summary>A room event: numbered by `seq`, the same bytes go to every connection in the room.</summary>
public abstract record RoomEventMessage(string Type, [property: JsonProperty(Order = -9)] long Seq) : ServerMessage(Type);

public sealed record WelcomeMessage(string Room, int? Seat, string? Token, RoomState State) : ServerMessage("welcome");

public sealed record PlayerJoinedMessage(long Seq, int Seat, string Name) : RoomEventMessage("playerJoined", Seq);

public sealed record GameStartedMessage(long Seq, int Turn) : RoomEventMessage("gameStarted", Seq);

public sealed record DugMessage(
    long Seq,
    int By,
    int Row,
    int Col,
    IReadOnlyList<RevealedCell> Cells,
    IReadOnlyList<int> Scores,
    int GoldLeft,
    int? Turn) : RoomEventMessage("dug", Seq);

public sealed record GameOverMessage(long Seq, IReadOnlyList<int> Scores, int? Winner, string Reason, int[][] Board)
    : RoomEventMessage("gameOver", Seq);

/// <summary>`playerOffline`, `playerOnline` or `playerLeft`.</summary>
public sealed record SeatEventMessage(string Type, long Seq, int Seat) : RoomEventMessage(Type, Seq);

public sealed record ErrorMessage(string Code, string Message) : ServerMessage("error");

public sealed record PongMessage() : ServerMessage("pong");

/// <summary>One seat as the lobby and the `welcome` state show it.</summary>
public sealed record PlayerInfo(int Seat, string Name, int Score, bool Online);

/// <summary>The last accepted dig, so a client that (re)joins can highlight it.</summary>
// A value, not an object: every dig replaces the room's last dig, and with thousands of rooms an
// object per dig is garbage and one more old-to-young reference for each collection to trace.
public readonly record struct LastDig(int Row, int Col, int By);

/// <summary>The `state` inside `welcome`: everything a client needs to draw the room, as of event `seq`.</summary>
public sealed record RoomState(
    string Room,
    string Name,
    string Rules,
    string Status,
    int Rows,
    int Cols,
    int Gold,
    int GoldLeft,
    int? Turn,
    long Seq,
    IReadOnlyList<PlayerInfo> Players,
    VisibleBoard Board,
    IReadOnlyList<FoundGold> Found,
    int Spectators,
    LastDig? LastDig,
    int? Winner,
    string? Reason)
{
    // `winner` (null on a tie) and `reason` only mean something once the game is over.
    public bool ShouldSerializeWinner() => Status == "finished";

    public bool ShouldSerializeReason() => Status == "finished";
}
