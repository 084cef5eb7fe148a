namespace GoldMiner.Server.Persistence;

/// <summary>
/// The tables, kept to types PostgreSQL has too (TEXT, INTEGER, BIGINT; BLOB becomes BYTEA, the
/// INTEGER PRIMARY KEY an identity column, and the ISO-8601 TEXT times TIMESTAMPTZ there), so a
/// second store needs no new design.
/// </summary>
/// <remarks>
/// Events are keyed by the room's <c>num</c> (the order rooms were created in), not by its random
/// public id: every dig inserts into the key's index, and with random ids each insert landed on a
/// different page somewhere in the whole history (a 24-dig commit wrote ~70 pages, and more as the
/// file grew). Open rooms are the newest, so their numbers share the index's last few pages.
/// </remarks>
internal static class SqliteSchema
{
    public const int Version = 2;

    public const string CreateSchemaInfo = """
        CREATE TABLE IF NOT EXISTS schema_info (
            version     INTEGER NOT NULL
        );
        """;

    public const string Create = """
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

    /// <summary>
    /// Version 1 keyed events by the room's id. Rebuilds both tables under version 2's keys, rooms
    /// numbered in the order they were created; runs inside the start-up transaction, so a
    /// migration that fails leaves the file as it was.
    /// </summary>
    public const string MigrateFromVersion1 = """
        ALTER TABLE room_events RENAME TO room_events_v1;
        ALTER TABLE rooms RENAME TO rooms_v1;
        DROP INDEX rooms_by_finished_at;
        """ + Create + """
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
}
