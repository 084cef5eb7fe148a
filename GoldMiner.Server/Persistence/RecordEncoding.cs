using GoldMiner.Core;

namespace GoldMiner.Server.Persistence;

/// <summary>
/// The binary form of journal records: in the log (every kind, with its room id) and in a game's
/// events blob in SQLite (events only, the room being the row's). One encoding for both, so a
/// record read back from either is the record that was written.
/// </summary>
/// <remarks>
/// Times are UTC ticks: the store keeps instants, not the offset they were written with.
/// Enumerations are stored by value; new members go at the end.
/// </remarks>
internal static class RecordEncoding
{
    private enum RecordType : byte
    {
        Opened = 1,
        Event = 2,
        Finished = 3,
        Closed = 4,
    }

    public static void WriteRecord(ByteBuffer to, JournalRecord record)
    {
        switch (record)
        {
            case RoomOpened o:
                to.WriteByte((byte)RecordType.Opened);
                to.WriteString(o.RoomId);
                to.WriteString(o.Name);
                to.WriteByte((byte)o.Options.Rules);
                to.WriteVarint((ulong)o.Options.Rows);
                to.WriteVarint((ulong)o.Options.Cols);
                to.WriteVarint((ulong)o.Options.Gold);
                to.WriteInt64(o.Seed);
                to.WriteInt64(o.CreatedAt.UtcTicks);
                break;
            case RoomEventRecord e:
                to.WriteByte((byte)RecordType.Event);
                to.WriteString(e.RoomId);
                WriteEvent(to, e);
                break;
            case RoomFinished f:
                to.WriteByte((byte)RecordType.Finished);
                to.WriteString(f.RoomId);
                to.WriteInt64(f.At.UtcTicks);
                to.WriteOptional(f.Winner);
                to.WriteByte((byte)f.Reason);
                break;
            case RoomClosed c:
                to.WriteByte((byte)RecordType.Closed);
                to.WriteString(c.RoomId);
                to.WriteInt64(c.At.UtcTicks);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(record), record, "No encoding for this record.");
        }
    }

    public static JournalRecord ReadRecord(ref ByteReader from)
    {
        var type = (RecordType)from.ReadByte();
        var room = from.ReadString() ?? throw new InvalidDataException("A record has no room id.");
        return type switch
        {
            RecordType.Opened => new RoomOpened(
                room,
                from.ReadString() ?? throw new InvalidDataException($"Room {room} has no name."),
                ReadOptions(ref from),
                from.ReadInt64(),
                Instant(from.ReadInt64())),
            RecordType.Event => ReadEvent(ref from, room),
            RecordType.Finished => new RoomFinished(room, Instant(from.ReadInt64()), from.ReadOptional(), Defined((GameEndReason)from.ReadByte())),
            RecordType.Closed => new RoomClosed(room, Instant(from.ReadInt64())),
            _ => throw new InvalidDataException($"Unknown record type {(byte)type}."),
        };
    }

    /// <summary>One event without its room: seq, kind, seat, cell, name, token hash, time (~14 bytes for a dig).</summary>
    public static void WriteEvent(ByteBuffer to, RoomEventRecord e)
    {
        to.WriteVarint((ulong)e.Seq);
        to.WriteByte((byte)e.Kind);
        to.WriteVarint((ulong)e.Seat);
        to.WriteOptional(e.Row);
        to.WriteOptional(e.Col);
        to.WriteString(e.Name);
        to.WriteBytes(e.TokenHash);
        to.WriteInt64(e.At.UtcTicks);
    }

    /// <summary>Every event in a game's blob, in the order written.</summary>
    public static List<RoomEventRecord> ReadEvents(ReadOnlySpan<byte> blob, string roomId)
    {
        var events = new List<RoomEventRecord>();
        var reader = new ByteReader(blob);
        while (!reader.IsEmpty)
        {
            events.Add(ReadEvent(ref reader, roomId));
        }

        return events;
    }

    private static RoomEventRecord ReadEvent(ref ByteReader from, string roomId) => new(
        roomId,
        checked((long)from.ReadVarint()),
        Defined((RoomEventKind)from.ReadByte()),
        from.ReadInt32(),
        from.ReadOptional(),
        from.ReadOptional(),
        from.ReadString(),
        from.ReadBytes(),
        Instant(from.ReadInt64()));

    private static GameOptions ReadOptions(ref ByteReader from)
    {
        var rules = Defined((GameRules)from.ReadByte());
        return new GameOptions(from.ReadInt32(), from.ReadInt32(), from.ReadInt32(), rules);
    }

    private static DateTimeOffset Instant(long utcTicks) =>
        utcTicks is >= 0 and <= 3155378975999999999 ? new DateTimeOffset(utcTicks, TimeSpan.Zero) : throw new InvalidDataException($"{utcTicks} is not a time.");

    private static T Defined<T>(T value)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new InvalidDataException($"{value} is not a {typeof(T).Name}.");
}
