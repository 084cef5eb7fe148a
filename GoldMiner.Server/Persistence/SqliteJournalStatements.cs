using System.Globalization;
using System.Text.RegularExpressions;
using GoldMiner.Server.Protocol;
using Microsoft.Data.Sqlite;

namespace GoldMiner.Server.Persistence;

/// <summary>
/// The one SQL statement each journal record becomes, compiled once per writer connection and
/// reused: a dig is an INSERT with new values, not a new statement for SQLite to parse.
/// </summary>
internal sealed partial class SqliteJournalStatements : IDisposable
{
    private static readonly string[] KindNames = Enum.GetValues<RoomEventKind>()
        .Select(kind => kind.ToString().ToLowerInvariant())
        .ToArray();

    private readonly SqliteCommand openRoom;
    private readonly SqliteCommand addEvent;
    private readonly SqliteCommand finishRoom;
    private readonly SqliteCommand closeRoom;

    public SqliteJournalStatements(SqliteConnection connection)
    {
        openRoom = Prepare(connection, """
            INSERT INTO rooms (id, name, rules, rows, cols, gold, seed, created_at)
            VALUES ($room, $name, $rules, $rows, $cols, $gold, $seed, $at)
            """);
        addEvent = Prepare(connection, """
            INSERT INTO room_events (room_id, seq, kind, seat, cell_row, cell_col, name, token_hash, at)
            VALUES ($room, $seq, $kind, $seat, $row, $col, $name, $token, $at)
            """);
        finishRoom = Prepare(connection, "UPDATE rooms SET finished_at = $at, winner = $winner, reason = $reason WHERE id = $room");
        closeRoom = Prepare(connection, "UPDATE rooms SET closed_at = $at WHERE id = $room");
    }

    /// <summary>Executes the statement for <paramref name="record"/> inside <paramref name="transaction"/>.</summary>
    public void Write(JournalRecord record, SqliteTransaction transaction)
    {
        var command = record switch
        {
            RoomOpened r => Bind(openRoom, r.RoomId, r.CreatedAt,
                ("$name", r.Name),
                ("$rules", WireNames.Of(r.Options.Rules)),
                ("$rows", r.Options.Rows),
                ("$cols", r.Options.Cols),
                ("$gold", r.Options.Gold),
                ("$seed", r.Seed)),
            RoomEventRecord e => Bind(addEvent, e.RoomId, e.At,
                ("$seq", e.Seq),
                ("$kind", KindNames[(int)e.Kind]),
                ("$seat", e.Seat),
                ("$row", e.Row),
                ("$col", e.Col),
                ("$name", e.Name),
                ("$token", e.TokenHash)),
            RoomFinished f => Bind(finishRoom, f.RoomId, f.At,
                ("$winner", f.Winner),
                ("$reason", WireNames.Of(f.Reason))),
            RoomClosed c => Bind(closeRoom, c.RoomId, c.At),
            _ => throw new ArgumentOutOfRangeException(nameof(record), record, "No statement for this record."),
        };

        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        openRoom.Dispose();
        addEvent.Dispose();
        finishRoom.Dispose();
        closeRoom.Dispose();
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

    private static SqliteCommand Bind(SqliteCommand command, string roomId, DateTimeOffset at, params ReadOnlySpan<(string Name, object? Value)> values)
    {
        Set(command, "$room", roomId);
        Set(command, "$at", at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        foreach (var (name, value) in values)
        {
            Set(command, name, value);
        }

        return command;
    }

    private static void Set(SqliteCommand command, string name, object? value) =>
        command.Parameters[name].Value = value ?? DBNull.Value;

    [GeneratedRegex(@"\$\w+")]
    private static partial Regex ParameterName();
}
