using System.Buffers.Binary;
using System.Globalization;

namespace GoldMiner.Server.Persistence.LogFiles;

/// <summary>
/// The log's files: segments named by the LSN of their first record, each opening with a header
/// that holds a random salt. Every frame's checksum starts from its segment's salt, so a segment
/// file reused for new records never passes off an old frame as a new one.
/// </summary>
internal static class LogSegment
{
    public const int HeaderBytes = 16;
    private const long Magic = 0x31474f4c4d444c47; // "GLDMLOG1"
    private const string Extension = ".log";

    public static string PathOf(string directory, long firstLsn) =>
        Path.Combine(directory, firstLsn.ToString("D19", CultureInfo.InvariantCulture) + Extension);

    /// <summary>A retired segment kept to be the next one: its blocks are written already, so syncs into it stay cheap.</summary>
    public static string SparePath(string directory) => Path.Combine(directory, "spare");

    /// <summary>The segments in <paramref name="directory"/>, oldest first.</summary>
    public static List<(long FirstLsn, string Path)> List(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*" + Extension)
                .Select(path => (Lsn: long.TryParse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var lsn) ? lsn : -1, path))
                .Where(s => s.Lsn >= 0)
                .OrderBy(s => s.Lsn)
                .ToList()
            : [];

    public static void WriteHeader(Span<byte> to, uint salt)
    {
        BinaryPrimitives.WriteInt64LittleEndian(to, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(to[8..], salt);
        BinaryPrimitives.WriteUInt32LittleEndian(to[12..], 0);
    }

    /// <summary>The segment's salt, or null when its header was never written whole (the log ends before it).</summary>
    public static uint? ReadSalt(ReadOnlySpan<byte> file) =>
        file.Length >= HeaderBytes && BinaryPrimitives.ReadInt64LittleEndian(file) == Magic
            ? BinaryPrimitives.ReadUInt32LittleEndian(file[8..])
            : null;
}
