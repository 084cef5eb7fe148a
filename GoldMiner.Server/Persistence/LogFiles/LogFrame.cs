using System.Buffers.Binary;
using System.Numerics;

namespace GoldMiner.Server.Persistence.LogFiles;

/// <summary>
/// One batch in the log: a header, then its records. The header holds the payload's length, a
/// CRC-32C (seeded with the segment's salt) of everything after the checksum, the first record's
/// log sequence number (LSN; the others follow one by one) and the record count.
/// </summary>
/// <remarks>
/// A frame is valid only if its length fits, its checksum matches and its LSN is the one expected
/// next: so a batch torn by a power cut, the zeros ahead of the writer and the older frames of a
/// reused segment file (written under another salt) all read as the end of the log.
/// </remarks>
internal static class LogFrame
{
    public const int HeaderBytes = 20;

    /// <summary>Writes the header in front of a payload already at <c>frame[HeaderBytes..]</c>.</summary>
    public static void WriteHeader(Span<byte> frame, uint salt, long firstLsn, int count)
    {
        var payloadLength = frame.Length - HeaderBytes;
        BinaryPrimitives.WriteInt32LittleEndian(frame, payloadLength);
        BinaryPrimitives.WriteInt64LittleEndian(frame[8..], firstLsn);
        BinaryPrimitives.WriteInt32LittleEndian(frame[16..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[4..], Checksum(salt, frame[8..]));
    }

    /// <summary>
    /// The frame at the start of <paramref name="data"/> if it is whole, intact and numbered
    /// <paramref name="expectedLsn"/>: its record count and payload; otherwise false (the log ends here).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, uint salt, long expectedLsn, out int count, out ReadOnlySpan<byte> payload)
    {
        count = 0;
        payload = default;
        if (data.Length < HeaderBytes)
        {
            return false;
        }

        var payloadLength = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (payloadLength <= 0 || payloadLength > data.Length - HeaderBytes
            || BinaryPrimitives.ReadInt64LittleEndian(data[8..]) != expectedLsn
            || BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) != Checksum(salt, data[8..(HeaderBytes + payloadLength)]))
        {
            return false;
        }

        count = BinaryPrimitives.ReadInt32LittleEndian(data[16..]);
        payload = data.Slice(HeaderBytes, payloadLength);
        return count > 0;
    }

    private static uint Checksum(uint salt, ReadOnlySpan<byte> data)
    {
        var crc = ~salt;
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }

        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }

        return ~crc;
    }
}
