namespace GoldMiner.Server.Persistence;

/// <summary>
/// The tables, kept to types PostgreSQL has too (TEXT, INTEGER, BIGINT; BLOB becomes BYTEA and the
/// ISO-8601 TEXT times become TIMESTAMPTZ there), so a second store needs no new design.
/// </summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS schema_info (
            version     INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS rooms (
            id          TEXT    PRIMARY KEY,
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
        CREATE INDEX IF NOT EXISTS rooms_by_finished_at ON rooms (finished_at);
        CREATE TABLE IF NOT EXISTS room_events (
            room_id     TEXT    NOT NULL REFERENCES rooms (id),
            seq         BIGINT  NOT NULL,
            kind        TEXT    NOT NULL,
            seat        INTEGER NOT NULL,
            cell_row    INTEGER NULL,
            cell_col    INTEGER NULL,
            name        TEXT    NULL,
            token_hash  BLOB    NULL,
            at          TEXT    NOT NULL,
            PRIMARY KEY (room_id, seq)
        );
        """;
}
