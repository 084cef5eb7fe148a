using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace GoldMiner.Server.Persistence.LogFiles;

/// <summary>
/// The journal's durable half: each batch is one frame appended to the current segment file and
/// synced before the batch counts as written. SQLite gets the records later, a game at a time
/// (<see cref="SqliteGameWriter"/>); a segment is retired once SQLite holds all it had.
/// </summary>
/// <remarks>
/// Why a log in front of SQLite: a dig then costs one small append to one file and one
/// fdatasync, where a SQLite commit wrote ~14 pages through its WAL; docs/performance.md
/// (round 18) has the measurements. The sync is cheapest when it only flushes data: a file that
/// grows makes every sync record a new size and new blocks as well. So the blocks ahead of the
/// writer are written with zeros beforehand (<see cref="ZeroAhead"/>, off the writer's thread),
/// and a retired segment is kept as the next one rather than deleted.
/// Appends come from the journal's one writer thread; <see cref="ZeroAhead"/> and
/// <see cref="Retire"/> from SQLite's writer thread.
/// </remarks>
internal sealed class JournalLog : IDisposable
{
    // Zeroed a chunk at a time, each synced on its own: while a chunk's pages are dirty, the
    // writer's own sync has to flush them too, so a chunk is what one append's sync may have to
    // wait for on top of its own frame (4 MiB chunks made 100 ms stalls at paced rates).
    private const int ZeroChunkBytes = 256 << 10;
    private const int ZeroedAheadBytes = 1 << 20;
    private static readonly byte[] Zeros = new byte[ZeroChunkBytes];

    private readonly string directory;
    private readonly long segmentBytes;
    private readonly bool sync;
    private readonly ByteBuffer frame = new(64 << 10);

    // Guards the segment list, the switch to a new segment, and writes beyond zeroedEnd.
    private readonly object gate = new();
    private readonly List<(long FirstLsn, string Path)> sealedSegments = [];
    private SafeFileHandle current = null!;
    private string currentPath = "";
    private long currentFirstLsn;
    private uint salt;
    private long offset;
    private long zeroedEnd;

    private JournalLog(string directory, long segmentBytes, bool sync, long nextLsn)
    {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
        this.sync = sync;
        NextLsn = nextLsn;
    }

    /// <summary>The LSN the next record gets; every record before it has been appended.</summary>
    public long NextLsn { get; private set; }

    /// <summary>
    /// The LSN the current segment starts at when older segments are still kept: once SQLite holds
    /// every record before it, those can be retired. Null when there is nothing to retire.
    /// </summary>
    public long? RetirableBefore
    {
        get
        {
            lock (gate)
            {
                return sealedSegments.Count > 0 ? currentFirstLsn : null;
            }
        }
    }

    /// <summary>
    /// Starts a new log at <paramref name="nextLsn"/> in <paramref name="directory"/>. Call only once
    /// SQLite holds every record of the old one: its segments are reused or deleted.
    /// </summary>
    /// <param name="sync">False appends without waiting for the disk: a crash of the process loses nothing, a power cut may.</param>
    public static JournalLog Start(string directory, long nextLsn, long segmentBytes, bool sync)
    {
        Directory.CreateDirectory(directory);
        var log = new JournalLog(directory, segmentBytes, sync, nextLsn);
        foreach (var (_, path) in LogSegment.List(directory))
        {
            log.RetireFile(path);
        }

        log.OpenSegment(nextLsn);
        return log;
    }

    /// <summary>Appends <paramref name="batch"/> as one frame and returns the LSN of its first record; durable when this returns.</summary>
    public long Append(IReadOnlyList<JournalRecord> batch)
    {
        if (batch.Count == 0)
        {
            // Nothing to keep, and a frame of no records would read back as the log's end.
            return NextLsn;
        }

        frame.Clear();
        frame.Advance(LogFrame.HeaderBytes);
        foreach (var record in batch)
        {
            RecordEncoding.WriteRecord(frame, record);
        }

        if (offset > LogSegment.HeaderBytes && offset + frame.Length > segmentBytes)
        {
            lock (gate)
            {
                sealedSegments.Add((currentFirstLsn, currentPath));
                current.Dispose();
                OpenSegment(NextLsn);
            }
        }

        LogFrame.WriteHeader(frame.Written, salt, NextLsn, batch.Count);
        Write(frame.Written, offset);
        if (sync)
        {
            DurableFiles.SyncData(current);
        }

        var first = NextLsn;
        offset += frame.Length;
        NextLsn += batch.Count;
        return first;
    }

    /// <summary>
    /// Writes one chunk of zeros ahead of the writer when it is less than a mebibyte from their
    /// end, so its appends land in blocks the file system has already allocated and recorded.
    /// </summary>
    public void ZeroAhead()
    {
        lock (gate)
        {
            var start = zeroedEnd;
            if (Volatile.Read(ref offset) + ZeroedAheadBytes <= start || start >= segmentBytes)
            {
                return;
            }

            var length = (int)Math.Min(ZeroChunkBytes, segmentBytes - start);
            RandomAccess.Write(current, Zeros.AsSpan(0, length), start);
            DurableFiles.SyncData(current);
            zeroedEnd = start + length;
        }
    }

    /// <summary>Retires the segments that hold only records before <paramref name="lsn"/>: SQLite has made them durable.</summary>
    public void Retire(long lsn)
    {
        lock (gate)
        {
            while (sealedSegments.Count > 0 && (sealedSegments.Count > 1 ? sealedSegments[1].FirstLsn : currentFirstLsn) <= lsn)
            {
                RetireFile(sealedSegments[0].Path);
                sealedSegments.RemoveAt(0);
            }
        }
    }

    public void Dispose() => current?.Dispose();

    private void Write(ReadOnlySpan<byte> data, long at)
    {
        if (at + data.Length <= Volatile.Read(ref zeroedEnd))
        {
            RandomAccess.Write(current, data, at);
            return;
        }

        // Past the zeros: the zeroing must not write over this frame, nor this frame land where it is about to write.
        lock (gate)
        {
            RandomAccess.Write(current, data, at);
            zeroedEnd = Math.Max(zeroedEnd, at + data.Length);
        }
    }

    /// <summary>Makes a new current segment, reusing the spare file if there is one. Under <see cref="gate"/> (or before any other thread sees the log).</summary>
    private void OpenSegment(long firstLsn)
    {
        var path = LogSegment.PathOf(directory, firstLsn);
        var spare = LogSegment.SparePath(directory);
        if (File.Exists(spare))
        {
            File.Move(spare, path);
        }

        current = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
        currentPath = path;
        zeroedEnd = RandomAccess.GetLength(current);
        currentFirstLsn = firstLsn;
        salt = (uint)RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue);
        Span<byte> header = stackalloc byte[LogSegment.HeaderBytes];
        LogSegment.WriteHeader(header, salt);
        RandomAccess.Write(current, header, 0);
        DurableFiles.SyncData(current);
        DurableFiles.SyncDirectory(directory);
        offset = LogSegment.HeaderBytes;
        zeroedEnd = Math.Max(zeroedEnd, offset);
    }

    private void RetireFile(string path)
    {
        var spare = LogSegment.SparePath(directory);
        if (File.Exists(spare))
        {
            File.Delete(path);
        }
        else
        {
            File.Move(path, spare);
        }
    }
}
