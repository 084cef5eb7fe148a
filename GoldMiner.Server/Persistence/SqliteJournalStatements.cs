using System.Globalization;
using System.Text.RegularExpressions;
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
internal sealed partial class SqliteJournalStatements : IDisposable
{
    private static readonly string[] KindNames = Enum.GetValues<RoomEventKind>()
        .Select(kind => kind.ToString().ToLowerInvariant())
        .ToArray();

    private readonly SqliteCommand openRoom;
    private readonly SqliteCommand addEvent;
    private readonly SqliteCommand finishRoom;
    private readonly SqliteCommand closeRoom;
    private readonly SqliteCommand findRoom;
    private readonly Dictionary<string, long> openedRooms = [];

    public SqliteJournalStatements(SqliteConnection connection)
    {
        openRoom = Prepare(connection, """
            INSERT INTO rooms (id, name, rules, rows, cols, gold, seed, created_at)
            VALUES ($room, $name, $rules, $rows, $cols, $gold, $seed, $at)
            RETURNING num
            """);
        addEvent = Prepare(connection, """
            INSERT INTO room_events (room_num, seq, kind, seat, cell_row, cell_col, name, token_hash, at)
            VALUES ($num, $seq, $kind, $seat, $row, $col, $name, $token, $at)
            """);
        finishRoom = Prepare(connection, "UPDATE rooms SET finished_at = $at, winner = $winner, reason = $reason WHERE id = $room");
        closeRoom = Prepare(connection, "UPDATE rooms SET closed_at = $at WHERE id = $room");
        findRoom = Prepare(connection, "SELECT num FROM rooms WHERE id = $room");
    }

    /// <summary>Executes the statement for <paramref name="record"/> inside <paramref name="transaction"/>.</summary>
    public void Write(JournalRecord record, SqliteTransaction transaction)
    {
        switch (record)
        {
            case RoomOpened r:
                // A batch that fails is written again from the start, so a number from a rolled-back
                // attempt is replaced before any of the room's events use it.
                openedRooms[r.RoomId] = (long)Bind(openRoom, transaction, r.CreatedAt,
                    ("$room", r.RoomId),
                    ("$name", r.Name),
                    ("$rules", WireNames.Of(r.Options.Rules)),
                    ("$rows", r.Options.Rows),
                    ("$cols", r.Options.Cols),
                    ("$gold", r.Options.Gold),
                    ("$seed", r.Seed)).ExecuteScalar()!;
                break;
            case RoomEventRecord e:
                Bind(addEvent, transaction, e.At,
                    ("$num", RoomNumber(e.RoomId, transaction)),
                    ("$seq", e.Seq),
                    ("$kind", KindNames[(int)e.Kind]),
                    ("$seat", e.Seat),
                    ("$row", e.Row),
                    ("$col", e.Col),
                    ("$name", e.Name),
                    ("$token", e.TokenHash)).ExecuteNonQuery();
                break;
            case RoomFinished f:
                Bind(finishRoom, transaction, f.At,
                    ("$room", f.RoomId),
                    ("$winner", f.Winner),
                    ("$reason", WireNames.Of(f.Reason))).ExecuteNonQuery();
                openedRooms.Remove(f.RoomId);
                break;
            case RoomClosed c:
                Bind(closeRoom, transaction, c.At, ("$room", c.RoomId)).ExecuteNonQuery();
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
    }

    /// <summary>A command for <paramref name="sql"/> with one parameter per <c>$name</c> in it.</summary>
    private static SqliteCommand Prepare(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in ParameterName().Matches(sql).Select(m => m.Value).Distinct())
        {
            command.Parameters.AddWithValue(name, DBNull.Value);
        }

        return command;
    }

    private long RoomNumber(string roomId, SqliteTransaction transaction)
    {
        if (openedRooms.TryGetValue(roomId, out var num))
        {
            return num;
        }

        return Bind(findRoom, transaction, at: null, ("$room", roomId)).ExecuteScalar() as long?
            ?? throw new InvalidOperationException($"Room {roomId} has events but was never opened.");
    }

    /// <summary>Binds <paramref name="values"/> (and <c>$at</c>, when given) to <paramref name="command"/>, ready to run in <paramref name="transaction"/>.</summary>
    private static SqliteCommand Bind(SqliteCommand command, SqliteTransaction transaction, DateTimeOffset? at, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        if (at is { } time)
        {
            Set(command, "$at", time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }

        foreach (var (name, value) in values)
        {
            Set(command, name, value);
        }

        command.Transaction = transaction;
        return command;
    }

    private static void Set(SqliteCommand command, string name, object? value) =>
        command.Parameters[name].Value = value ?? DBNull.Value;

    [GeneratedRegex(@"\$\w+")]
    private static partial Regex ParameterName();
}
