using System.Text.Json;
using GoldMiner.Core;

namespace GoldMiner.Server.Protocol;

/// <summary>
/// Writes a <c>welcome</c> straight to UTF-8: the biggest message a room sends (the whole board),
/// twice per game and once per reconnect. Through Newtonsoft it cost a boxed value per cell and
/// number, a writer and a string; this is the same JSON (a test holds the two to it).
/// </summary>
public static class WelcomeJson
{
    /// <summary>
    /// The welcome, in a buffer rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/> that the
    /// caller returns once it has handed it to the joiner's connection (which sends its own copy).
    /// An exact-size array was the biggest single thing a game allocated after round 10's cuts.
    /// </summary>
    public static ArraySegment<byte> ToUtf8(WelcomeMessage welcome)
    {
        var json = Utf8MessageWriter.Start(welcome.Type);
        json.WriteString("room", welcome.Room);
        json.WriteNullable("seat", welcome.Seat);
        json.WriteNullable("token", welcome.Token);
        json.WritePropertyName("state");
        WriteState(json, welcome.State);
        return Utf8MessageWriter.Finish(json);
    }

    // The properties in RoomState's order, as Newtonsoft writes a record's.
    private static void WriteState(Utf8JsonWriter json, RoomState state)
    {
        json.WriteStartObject();
        json.WriteString("room", state.Room);
        json.WriteString("name", state.Name);
        json.WriteString("rules", state.Rules);
        json.WriteString("status", state.Status);
        json.WriteNumber("rows", state.Rows);
        json.WriteNumber("cols", state.Cols);
        json.WriteNumber("gold", state.Gold);
        json.WriteNumber("goldLeft", state.GoldLeft);
        json.WriteNullable("turn", state.Turn);
        json.WriteNumber("seq", state.Seq);
        WritePlayers(json, state.Players);
        WriteBoard(json, state.Board);
        WriteFound(json, state.Found);
        json.WriteNumber("spectators", state.Spectators);
        if (state.LastDig is { } last)
        {
            json.WriteStartObject("lastDig");
            json.WriteNumber("row", last.Row);
            json.WriteNumber("col", last.Col);
            json.WriteNumber("by", last.By);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("lastDig");
        }

        // The record's ShouldSerialize rules: winner and reason only once the game is over.
        if (state.ShouldSerializeWinner())
        {
            json.WriteNullable("winner", state.Winner);
        }

        if (state.ShouldSerializeReason())
        {
            json.WriteNullable("reason", state.Reason);
        }

        json.WriteEndObject();
    }

    private static void WritePlayers(Utf8JsonWriter json, IReadOnlyList<PlayerInfo> players)
    {
        json.WriteStartArray("players");
        for (var i = 0; i < players.Count; i++)
        {
            var player = players[i];
            json.WriteStartObject();
            json.WriteNumber("seat", player.Seat);
            json.WriteString("name", player.Name);
            json.WriteNumber("score", player.Score);
            json.WriteBoolean("online", player.Online);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteBoard(Utf8JsonWriter json, VisibleBoard board)
    {
        json.WriteStartArray("board");
        for (var row = 0; row < board.Rows; row++)
        {
            json.WriteStartArray();
            for (var col = 0; col < board.Cols; col++)
            {
                if (board[row, col] is { } value)
                {
                    json.WriteNumberValue(value);
                }
                else
                {
                    json.WriteNullValue();
                }
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static void WriteFound(Utf8JsonWriter json, IReadOnlyList<FoundGold> found)
    {
        json.WriteStartArray("found");
        for (var i = 0; i < found.Count; i++)
        {
            json.WriteStartObject();
            json.WriteNumber("row", found[i].Row);
            json.WriteNumber("col", found[i].Col);
            json.WriteNumber("by", found[i].By);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
