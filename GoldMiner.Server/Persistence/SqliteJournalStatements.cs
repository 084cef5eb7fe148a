using System.Text;
using GoldMiner.Server.Protocol;
using Microsoft.Data.Sqlite;

namespace GoldMiner.Server.Persistence;

/// <summary>
/// The one SQL statement each journal record becomes, compiled once per writer connection and
/// reused: a dig is an INSERT with new values, not a new statement for SQLite to parse.
/// </summary>
/// <remarks>
/// Events are stored under the room's number (see <see cref="SqliteSchema"/>). The numbers of the
/// rooms this connection opened are kept until the room finishes or closes, so a dig costs no
/// lookup; any other room (one recovered at start, or a seat event after the end) is looked up.
/// </remarks>
internal sealed class SqliteJournalStatements : IDisposable
{
    private static readonly byte[][] KindNames = Enum.GetValues<RoomEventKind>()
        .Select(kind => Encoding.UTF8.GetBytes(kind.ToString().ToLowerInvariant()))
        .ToArray();

    private readonly SqliteConnection connection;
    private readonly SqliteRawStatement openRoom;
    private readonly SqliteRawStatement addEvent;
    private readonly SqliteRawStatement finishRoom;
    private readonly SqliteRawStatement closeRoom;
    private readonly SqliteRawStatement findRoom;
    private readonly SqliteRawStatement begin;
    private readonly SqliteRawStatement commit;
    private readonly SqliteRawStatement rollback;
    private readonly Dictionary<string, long> openedRooms = [];

    public SqliteJournalStatements(SqliteConnection connection)
    {
        this.connection = connection;
        openRoom = new(connection, """
            INSERT INTO rooms (id, name, rules, rows, cols, gold, seed, created_at)
            VALUES ($room, $name, $rules, $rows, $cols, $gold, $seed, $at)
            """);
        addEvent = new(connection, """
            INSERT INTO room_events (room_num, seq, kind, seat, cell_row, cell_col, name, token_hash, at)
            VALUES ($num, $seq, $kind, $seat, $row, $col, $name, $token, $at)
            """);
        finishRoom = new(connection, "UPDATE rooms SET finished_at = $at, winner = $winner, reason = $reason WHERE id = $room");
        closeRoom = new(connection, "UPDATE rooms SET closed_at = $at WHERE id = $room");
        findRoom = new(connection, "SELECT num FROM rooms WHERE id = $room");

        // The writer is the only one: take the write lock at the start rather than on the first insert.
        begin = new(connection, "BEGIN IMMEDIATE");
        commit = new(connection, "COMMIT");
        rollback = new(connection, "ROLLBACK");
    }

    /// <summary>Writes <paramref name="batch"/> in one transaction: all of it, or (when this throws) none of it.</summary>
    public void WriteAll(IReadOnlyList<JournalRecord> batch)
    {
        begin.Execute();
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                Write(batch[i]);
            }

            commit.Execute();
        }
        catch
        {
            // Some errors (a full disk, say) have already made SQLite roll back on its own.
            if (SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
            {
                rollback.Execute();
            }

            throw;
        }
    }

    private void Write(JournalRecord record)
    {
        switch (record)
        {
            case RoomOpened r:
                openRoom.Bind("$room", r.RoomId)
                    .Bind("$name", r.Name)
                    .Bind("$rules", WireNames.Of(r.Options.Rules))
                    .Bind("$rows", r.Options.Rows)
                    .Bind("$cols", r.Options.Cols)
                    .Bind("$gold", r.Options.Gold)
                    .Bind("$seed", r.Seed)
                    .Bind("$at", r.CreatedAt)
                    .Execute();

                // A batch that fails is written again from the start, so a number from a rolled-back
                // attempt is replaced before any of the room's events use it.
                openedRooms[r.RoomId] = SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle);
                break;
            case RoomEventRecord e:
                addEvent.Bind("$num", RoomNumber(e.RoomId))
                    .Bind("$seq", e.Seq)
                    .BindText("$kind", KindNames[(int)e.Kind])
                    .Bind("$seat", e.Seat)
                    .Bind("$row", e.Row)
                    .Bind("$col", e.Col)
                    .Bind("$name", e.Name)
                    .Bind("$token", e.TokenHash)
                    .Bind("$at", e.At)
                    .Execute();
                break;
            case RoomFinished f:
                finishRoom.Bind("$room", f.RoomId)
                    .Bind("$winner", f.Winner)
                    .Bind("$reason", WireNames.Of(f.Reason))
                    .Bind("$at", f.At)
                    .Execute();
                openedRooms.Remove(f.RoomId);
                break;
            case RoomClosed c:
                closeRoom.Bind("$room", c.RoomId).Bind("$at", c.At).Execute();
                openedRooms.Remove(c.RoomId);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(record), record, "No statement for this record.");
        }
    }

    public void Dispose()
    {
        openRoom.Dispose();
        addEvent.Dispose();
        finishRoom.Dispose();
        closeRoom.Dispose();
        findRoom.Dispose();
        begin.Dispose();
        commit.Dispose();
        rollback.Dispose();
    }

    private long RoomNumber(string roomId) =>
        openedRooms.TryGetValue(roomId, out var num)
            ? num
            : findRoom.Bind("$room", roomId).ExecuteInt64() ?? throw new InvalidOperationException($"Room {roomId} has events but was never opened.");
}
