namespace GoldMiner.Server.Persistence;

/// <summary>
/// The tables, kept to types PostgreSQL has too (TEXT, INTEGER, BIGINT; BLOB becomes BYTEA, the
/// INTEGER PRIMARY KEY an identity column, and the ISO-8601 TEXT times TIMESTAMPTZ there), so a
/// second store needs no new design.
/// </summary>
/// <remarks>
/// Version 3 keeps a game's events as one blob (<see cref="RecordEncoding"/>), written when the
/// game ends: the journal log holds them until then (<see cref="LogFiles.JournalLog"/>). A row per
/// event cost ~3 µs a dig in SQLite however it was written (docs/performance.md, round 18);
/// nothing reads a single event on its own. <c>through_lsn</c> is the last log record in the
/// blob and <c>journal_state.applied_lsn</c> the first record the log must still replay, so a
/// replay after a crash writes nothing twice.
/// </remarks>
internal static class SqliteSchema
{
    public const int Version = 3;

    public const string CreateSchemaInfo = """
        CREATE TABLE IF NOT EXISTS schema_info (
            version     INTEGER NOT NULL
        );
        """;

    /// <summary>Rooms are numbered in the order they were created; the number keys their events.</summary>
    private const string Rooms = """
        CREATE TABLE rooms (
            num         INTEGER PRIMARY KEY,
            id          TEXT    NOT NULL UNIQUE,
            name        TEXT    NOT NULL,
            rules       TEXT    NOT NULL,
            rows        INTEGER NOT NULL,
            cols        INTEGER NOT NULL,
            gold        INTEGER NOT NULL,
            seed        BIGINT  NOT NULL,
            created_at  TEXT    NOT NULL,
            finished_at TEXT    NULL,
            winner      INTEGER NULL,
            reason      TEXT    NULL,
            closed_at   TEXT    NULL
        );
        CREATE INDEX rooms_by_finished_at ON rooms (finished_at);
        """;

    private const string GameEvents = """
        CREATE TABLE game_events (
            room_num    INTEGER PRIMARY KEY REFERENCES rooms (num),
            events      BLOB    NOT NULL,
            through_lsn BIGINT  NOT NULL
        );
        CREATE TABLE journal_state (
            applied_lsn BIGINT  NOT NULL
        );
        INSERT INTO journal_state (applied_lsn) VALUES (1);
        """;

    /// <summary>Version 2's events: a row each.</summary>
    private const string RoomEventsVersion2 = """
        CREATE TABLE room_events (
            room_num    INTEGER NOT NULL REFERENCES rooms (num),
            seq         BIGINT  NOT NULL,
            kind        TEXT    NOT NULL,
            seat        INTEGER NOT NULL,
            cell_row    INTEGER NULL,
            cell_col    INTEGER NULL,
            name        TEXT    NULL,
            token_hash  BLOB    NULL,
            at          TEXT    NOT NULL,
            PRIMARY KEY (room_num, seq)
        );
        """;

    public const string Create = Rooms + GameEvents;

    /// <summary>
    /// Version 1 keyed events by the room's id. Rebuilds both tables under version 2's keys, rooms
    /// numbered in the order they were created; runs inside the start-up transaction, so a
    /// migration that fails leaves the file as it was.
    /// </summary>
    public const string MigrateFromVersion1 = """
        ALTER TABLE room_events RENAME TO room_events_v1;
        ALTER TABLE rooms RENAME TO rooms_v1;
        DROP INDEX rooms_by_finished_at;
        """ + Rooms + RoomEventsVersion2 + """
        INSERT INTO rooms (id, name, rules, rows, cols, gold, seed, created_at, finished_at, winner, reason, closed_at)
        SELECT id, name, rules, rows, cols, gold, seed, created_at, finished_at, winner, reason, closed_at
        FROM rooms_v1 ORDER BY created_at, rowid;
        INSERT INTO room_events (room_num, seq, kind, seat, cell_row, cell_col, name, token_hash, at)
        SELECT rooms.num, e.seq, e.kind, e.seat, e.cell_row, e.cell_col, e.name, e.token_hash, e.at
        FROM room_events_v1 AS e JOIN rooms ON rooms.id = e.room_id
        ORDER BY rooms.num, e.seq;
        DROP TABLE room_events_v1;
        DROP TABLE rooms_v1;
        """;

    /// <summary>Version 2 to 3, before the events are moved (<see cref="SqliteEventsToGames"/>).</summary>
    public const string AddGameEvents = GameEvents;

    /// <summary>Version 2 to 3, after the events are moved.</summary>
    public const string DropRoomEvents = "DROP TABLE room_events;";
}
