using System.Globalization;
using Microsoft.Data.Sqlite;

namespace GoldMiner.Server.Persistence;

/// <summary>Schema 2 to 3: each room's event rows become one events blob, as the store now writes them.</summary>
internal static class SqliteEventsToGames
{
    public static void Move(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = """
            SELECT room_num, seq, kind, seat, cell_row, cell_col, name, token_hash, at
            FROM room_events ORDER BY room_num, seq
            """;
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO game_events (room_num, events, through_lsn) VALUES ($num, $events, 0)";
        var num = insert.Parameters.Add("$num", SqliteType.Integer);
        var events = insert.Parameters.Add("$events", SqliteType.Blob);

        var blob = new ByteBuffer();
        long? room = null;
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            var rowRoom = reader.GetInt64(0);
            if (room is { } previous && previous != rowRoom)
            {
                Save(previous);
            }

            room = rowRoom;
            RecordEncoding.WriteEvent(blob, new RoomEventRecord(
                "",
                reader.GetInt64(1),
                Enum.Parse<RoomEventKind>(reader.GetString(2), ignoreCase: true),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : (byte[])reader.GetValue(7),
                DateTimeOffset.Parse(reader.GetString(8), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
        }

        if (room is { } last)
        {
            Save(last);
        }

        void Save(long roomNum)
        {
            num.Value = roomNum;
            events.Value = blob.ToArray();
            insert.ExecuteNonQuery();
            blob.Clear();
        }
    }
}
