using GoldMiner.Core;

namespace GoldMiner.Server.Persistence;

// Everything the journal stores, in one file: a room is its opening record plus its numbered events.

/// <summary>One thing to make durable. Records of one room are written in the order they were appended.</summary>
public abstract record JournalRecord(string RoomId);

/// <summary>A room was created: with the seed, this is enough to rebuild its board.</summary>
public sealed record RoomOpened(string RoomId, string Name, GameOptions Options, long Seed, DateTimeOffset CreatedAt)
    : JournalRecord(RoomId);

/// <summary>
/// A numbered room event: a Core move (join, dig, leave) or a presence change (offline, online).
/// <paramref name="Seq"/> is the seq of the last event the record caused, so recovery resumes the
/// numbering exactly where clients left it. A join carries the hash of the seat's token.
/// </summary>
public sealed record RoomEventRecord(
    string RoomId,
    long Seq,
    RoomEventKind Kind,
    int Seat,
    int? Row,
    int? Col,
    string? Name,
    byte[]? TokenHash,
    DateTimeOffset At) : JournalRecord(RoomId);

/// <summary>The game ended: kept so finished games can be listed without replaying them.</summary>
public sealed record RoomFinished(string RoomId, DateTimeOffset At, int? Winner, GameEndReason Reason)
    : JournalRecord(RoomId);

/// <summary>An unfinished room was abandoned and removed: recovery must not bring it back.</summary>
public sealed record RoomClosed(string RoomId, DateTimeOffset At) : JournalRecord(RoomId);

public enum RoomEventKind
{
    Join,
    Dig,
    Leave,
    Offline,
    Online,
}
