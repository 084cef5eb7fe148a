using GoldMiner.Server.Protocol;

namespace GoldMiner.Server.Lobby;

/// <summary>A room as the lobby lists it (see docs/protocol.md, "Room summary").</summary>
public sealed record RoomSummary(
    string Id,
    string Name,
    string Status,
    string Rules,
    int Rows,
    int Cols,
    int Gold,
    int GoldLeft,
    IReadOnlyList<PlayerInfo> Players,
    int Spectators,
    DateTimeOffset CreatedAt);
