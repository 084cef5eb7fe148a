using System.Globalization;
using GoldMiner.Server.Protocol;
using Microsoft.Data.Sqlite;

namespace GoldMiner.Server.Persistence;

/// <summary>The one SQL statement each journal record becomes.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand For(JournalRecord record, SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$room", record.RoomId);
        switch (record)
        {
            case RoomOpened r:
                command.CommandText = """
                    INSERT INTO rooms (id, name, rules, rows, cols, gold, seed, created_at)
                    VALUES ($room, $name, $rules, $rows, $cols, $gold, $seed, $at)
                    """;
                command.Parameters.AddWithValue("$name", r.Name);
                command.Parameters.AddWithValue("$rules", WireNames.Of(r.Options.Rules));
                command.Parameters.AddWithValue("$rows", r.Options.Rows);
                command.Parameters.AddWithValue("$cols", r.Options.Cols);
                command.Parameters.AddWithValue("$gold", r.Options.Gold);
                command.Parameters.AddWithValue("$seed", r.Seed);
                command.Parameters.AddWithValue("$at", Time(r.CreatedAt));
                break;
            case RoomEventRecord e:
                command.CommandText = """
                    INSERT INTO room_events (room_id, seq, kind, seat, cell_row, cell_col, name, token_hash, at)
                    VALUES ($room, $seq, $kind, $seat, $row, $col, $name, $token, $at)
                    """;
                command.Parameters.AddWithValue("$seq", e.Seq);
                command.Parameters.AddWithValue("$kind", e.Kind.ToString().ToLowerInvariant());
                command.Parameters.AddWithValue("$seat", e.Seat);
                command.Parameters.AddWithValue("$row", (object?)e.Row ?? DBNull.Value);
                command.Parameters.AddWithValue("$col", (object?)e.Col ?? DBNull.Value);
                command.Parameters.AddWithValue("$name", (object?)e.Name ?? DBNull.Value);
                command.Parameters.AddWithValue("$token", (object?)e.TokenHash ?? DBNull.Value);
                command.Parameters.AddWithValue("$at", Time(e.At));
                break;
            case RoomFinished f:
                command.CommandText = "UPDATE rooms SET finished_at = $at, winner = $winner, reason = $reason WHERE id = $room";
                command.Parameters.AddWithValue("$at", Time(f.At));
                command.Parameters.AddWithValue("$winner", (object?)f.Winner ?? DBNull.Value);
                command.Parameters.AddWithValue("$reason", WireNames.Of(f.Reason));
                break;
            case RoomClosed c:
                command.CommandText = "UPDATE rooms SET closed_at = $at WHERE id = $room";
                command.Parameters.AddWithValue("$at", Time(c.At));
                break;
            default:
                command.Dispose();
                throw new ArgumentOutOfRangeException(nameof(record), record, "No statement for this record.");
        }

        return command;
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
