namespace GoldMiner.Server.Persistence;

/// <summary>
/// Where games are kept. The only storage rooms and connections know of: SQLite is the embedded
/// default; another database (PostgreSQL via Npgsql) implements these same few calls.
/// </summary>
public interface IGameStore
{
    /// <summary>Opens the store, creating its schema on first use; throws a clear error when it cannot be used.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Writes a batch atomically: after it returns, every record in it survives a crash.</summary>
    Task WriteAsync(IReadOnlyList<JournalRecord> batch, CancellationToken cancellationToken);

    /// <summary>
    /// Every room that was neither finished nor closed: the rooms to rebuild on start. Called once,
    /// before any write; afterwards the events of games still open may be in the journal only.
    /// </summary>
    Task<IReadOnlyList<StoredRoom>> LoadOpenRoomsAsync(CancellationToken cancellationToken);

    /// <summary>One room with every event written so far (of a game still open, possibly only some), or null.</summary>
    Task<StoredRoom?> LoadRoomAsync(string roomId, CancellationToken cancellationToken);

    /// <summary>The most recently finished games' openings, newest first.</summary>
    Task<IReadOnlyList<(RoomOpened Opened, RoomFinished Finished)>> ListFinishedAsync(int limit, CancellationToken cancellationToken);
}
