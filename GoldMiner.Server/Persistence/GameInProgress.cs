namespace GoldMiner.Server.Persistence;

/// <summary>
/// What <see cref="SqliteGameWriter"/> knows of one game: its room's number, and the events the
/// log holds that SQLite does not yet. It notes what it was when a transaction first touched it,
/// so a transaction that fails can put it back.
/// </summary>
internal sealed class GameInProgress(string roomId, long num, long storedThrough, bool ended, ByteBuffer pending)
{
    private bool touched;
    private bool added;
    private int lengthBefore;
    private long pendingThroughBefore;
    private bool endedBefore;

    public string RoomId { get; } = roomId;

    /// <summary>The room's number in SQLite.</summary>
    public long Num { get; } = num;

    /// <summary>The encoded events not yet in SQLite.</summary>
    public ByteBuffer Pending { get; } = pending;

    /// <summary>The LSN of the last event in SQLite's blob (0 for none): a replayed event at or before it is there already.</summary>
    public long StoredThrough { get; private set; } = storedThrough;

    /// <summary>The LSN of the last event in <see cref="Pending"/>.</summary>
    public long PendingThrough { get; private set; }

    /// <summary>Finished or closed: its events go to SQLite at the end of the transaction, and it is forgotten.</summary>
    public bool Ended { get; private set; } = ended;

    /// <summary>Its pending events were written in the current transaction.</summary>
    public bool Saved { get; set; }

    /// <summary>Notes the game's state before the current transaction changes it, once per transaction.</summary>
    public void Touch(List<GameInProgress> touchedGames, bool added = false)
    {
        if (touched)
        {
            return;
        }

        touched = true;
        this.added = added;
        lengthBefore = Pending.Length;
        pendingThroughBefore = PendingThrough;
        endedBefore = Ended;
        touchedGames.Add(this);
    }

    public void Add(long lsn, RoomEventRecord e)
    {
        RecordEncoding.WriteEvent(Pending, e);
        PendingThrough = lsn;
    }

    public void End() => Ended = true;

    /// <summary>The transaction committed. True when the game is to be forgotten (it ended).</summary>
    public bool Committed()
    {
        if (Saved)
        {
            StoredThrough = PendingThrough;
            Pending.Clear();
            Saved = false;
        }

        touched = false;
        return Ended;
    }

    /// <summary>The transaction failed: back to the state before it. True when the game is to be forgotten (the transaction brought it in).</summary>
    public bool RollBack()
    {
        Pending.Truncate(lengthBefore);
        PendingThrough = pendingThroughBefore;
        Ended = endedBefore;
        Saved = false;
        touched = false;
        return added;
    }
}
