using System.Text.Json;
using GoldMiner.Core;
using GoldMiner.Core.Events;

namespace GoldMiner.Server.Protocol;

/// <summary>
/// Writes room events, the messages sent most often (a <c>dug</c> per dig to every member), straight
/// to UTF-8 with <see cref="Utf8JsonWriter"/>: the same JSON <see cref="WireJson"/> writes for these
/// records (a test holds the two to it), without Newtonsoft's reflection, string and re-encoding.
/// </summary>
/// <remarks>
/// Each event goes into a buffer rented from <see cref="System.Buffers.ArrayPool{T}.Shared"/>: the
/// frames were the biggest thing a busy server allocated (docs/performance.md, round 10). Whoever
/// takes one owns it and returns it once it is sent; a buffer never returned is only garbage.
/// </remarks>
public static class EventJson
{
    /// <summary>
    /// A <c>dug</c> written from Core's event as <see cref="DugMessage"/> would be: the message
    /// sent most often skips the record (an object per dig) on its way to bytes.
    /// </summary>
    public static ArraySegment<byte> Dug(long seq, CellsDug dug)
    {
        var json = Start("dug", seq);
        WriteDug(json, dug.By, dug.Row, dug.Col, dug.Cells, dug.Scores, dug.GoldLeft, dug.Turn);
        return Utf8MessageWriter.Finish(json);
    }

    /// <summary>
    /// A <c>gameOver</c> written from Core's event and the board as <see cref="GameOverMessage"/>
    /// would be: once per game, but the record's board is an array per row.
    /// </summary>
    public static ArraySegment<byte> GameOver(long seq, GameEnded ended, Board board)
    {
        var json = Start("gameOver", seq);
        json.WriteNumbers("scores", ended.Scores);
        json.WriteNullable("winner", ended.Winner);
        json.WriteString("reason", WireNames.Of(ended.Reason));
        json.WriteStartArray("board");
        for (var row = 0; row < board.Rows; row++)
        {
            json.WriteStartArray();
            for (var col = 0; col < board.Cols; col++)
            {
                json.WriteNumberValue(board[row, col]);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        return Utf8MessageWriter.Finish(json);
    }

    public static ArraySegment<byte> ToUtf8(RoomEventMessage message)
    {
        var json = Start(message.Type, message.Seq);
        switch (message)
        {
            case DugMessage dug:
                WriteDug(json, dug.By, dug.Row, dug.Col, dug.Cells, dug.Scores, dug.GoldLeft, dug.Turn);
                break;
            case SeatEventMessage seatEvent:
                json.WriteNumber("seat", seatEvent.Seat);
                break;
            case GameStartedMessage started:
                json.WriteNumber("turn", started.Turn);
                break;
            case PlayerJoinedMessage joined:
                json.WriteNumber("seat", joined.Seat);
                json.WriteString("name", joined.Name);
                break;
            case GameOverMessage over:
                json.WriteNumbers("scores", over.Scores);
                json.WriteNullable("winner", over.Winner);
                json.WriteString("reason", over.Reason);
                json.WriteStartArray("board");
                foreach (var row in over.Board)
                {
                    json.WriteNumbers(null, row);
                }

                json.WriteEndArray();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(message), message, "No writer for this event.");
        }

        return Utf8MessageWriter.Finish(json);
    }

    /// <summary>Opens a room event: its type, then its seq.</summary>
    private static Utf8JsonWriter Start(string type, long seq)
    {
        var json = Utf8MessageWriter.Start(type);
        json.WriteNumber("seq", seq);
        return json;
    }

    // Generic so that Core's lists, which are values, are not boxed on their way in.
    private static void WriteDug<TCells, TScores>(Utf8JsonWriter json, int by, int row, int col, TCells cells, TScores scores, int goldLeft, int? turn)
        where TCells : IReadOnlyList<RevealedCell>
        where TScores : IReadOnlyList<int>
    {
        json.WriteNumber("by", by);
        json.WriteNumber("row", row);
        json.WriteNumber("col", col);
        json.WriteStartArray("cells");

        // Indexed, not foreach: through the constraint, foreach would take the interface's (boxed) enumerator.
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            json.WriteStartObject();
            json.WriteNumber("row", cell.Row);
            json.WriteNumber("col", cell.Col);
            json.WriteNumber("value", cell.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNumbers("scores", scores);
        json.WriteNumber("goldLeft", goldLeft);
        json.WriteNullable("turn", turn);
    }
}
