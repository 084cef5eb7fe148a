namespace GoldMiner.Server.Persistence.LogFiles;

/// <summary>Reads the log back at start-up: every record from a given LSN on, in order.</summary>
internal static class JournalLogReader
{
    /// <summary>
    /// The records numbered <paramref name="fromLsn"/> and later, and the LSN the next record gets.
    /// The log ends at the first frame that is not whole, intact and next in line: a batch torn
    /// by a crash was never acknowledged, so it is dropped.
    /// </summary>
    /// <exception cref="InvalidDataException">Records are missing between segments, or an intact frame cannot be decoded.</exception>
    public static (List<(long Lsn, JournalRecord Record)> Records, long NextLsn) Read(string directory, long fromLsn)
    {
        var records = new List<(long, JournalRecord)>();
        var segments = LogSegment.List(directory);

        // Segments wholly before fromLsn are already in SQLite (their deletion may not have been
        // persisted): start from the last one that begins at or before it.
        var first = segments.FindLastIndex(s => s.FirstLsn <= fromLsn);
        if (first < 0 && segments.Count > 0)
        {
            throw new InvalidDataException(
                $"The journal log '{directory}' begins at record {segments[0].FirstLsn}, but the database needs it from record {fromLsn}: records are missing.");
        }

        var next = first < 0 ? fromLsn : segments[first].FirstLsn;
        for (var i = Math.Max(first, 0); i < segments.Count; i++)
        {
            var (segmentLsn, path) = segments[i];
            if (segmentLsn != next)
            {
                throw new InvalidDataException(
                    $"The journal log '{directory}' ends at record {next - 1}, but its segment '{Path.GetFileName(path)}' begins at record {segmentLsn}: records are missing.");
            }

            var file = File.ReadAllBytes(path);
            if (LogSegment.ReadSalt(file) is not { } salt)
            {
                continue;
            }

            var data = file.AsSpan(LogSegment.HeaderBytes);
            while (LogFrame.TryRead(data, salt, next, out var count, out var payload))
            {
                var reader = new ByteReader(payload);
                for (var r = 0; r < count; r++, next++)
                {
                    var record = RecordEncoding.ReadRecord(ref reader);
                    if (next >= fromLsn)
                    {
                        records.Add((next, record));
                    }
                }

                data = data[(LogFrame.HeaderBytes + payload.Length)..];
            }
        }

        return (records, Math.Max(next, fromLsn));
    }
}
