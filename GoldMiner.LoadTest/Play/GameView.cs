using System.Text.Json;
using GoldMiner.LoadTest.Metrics;

namespace GoldMiner.LoadTest.Play;

/// <summary>
/// One connection's picture of one game, built only from what the server sent it, and checked at
/// every step: seq without gaps, every cell revealed once with a plausible value, floods complete,
/// scores and goldLeft adding up to the gold found, turns as the rules say, and at the end a board
/// that agrees with every cell seen. A fast server that gets any of it wrong is caught here.
/// </summary>
public sealed class GameView(string room, string who, int rows, int cols, int gold, bool flags, LoadMetrics metrics)
{
    private readonly int?[] board = new int?[rows * cols];
    private readonly int[] scores = new int[2];
    private int found;

    public int? Seat { get; private set; }

    public bool Welcomed { get; private set; }

    public bool Over { get; private set; }

    public bool Started { get; private set; }

    public int? Turn { get; private set; }

    public long LastSeq { get; private set; }

    public bool Broken { get; private set; }

    /// <summary>A hash of each event's bytes by seq: every connection in a room must have received the same.</summary>
    public Dictionary<long, int> EventHashes { get; } = [];

    public void Welcome(JsonElement message)
    {
        Seat = message.GetProperty("seat").ValueKind == JsonValueKind.Number ? message.GetProperty("seat").GetInt32() : null;
        var state = message.GetProperty("state");
        LastSeq = state.GetProperty("seq").GetInt64();
        Turn = NullableInt(state.GetProperty("turn"));
        var status = state.GetProperty("status").GetString();
        Started = status != "waiting";
        Over = status == "finished";
        var rowIndex = 0;
        foreach (var row in state.GetProperty("board").EnumerateArray())
        {
            var colIndex = 0;
            foreach (var cell in row.EnumerateArray())
            {
                if (rowIndex < rows && colIndex < cols)
                {
                    board[(rowIndex * cols) + colIndex] = NullableInt(cell);
                }

                colIndex++;
            }

            Check(colIndex == cols, "welcomeBoard", $"row {rowIndex} has {colIndex} cells, not {cols}");
            rowIndex++;
        }

        Check(rowIndex == rows, "welcomeBoard", $"{rowIndex} rows, not {rows}");
        foreach (var gold in state.GetProperty("found").EnumerateArray())
        {
            scores[gold.GetProperty("by").GetInt32()]++;
            found++;
        }

        foreach (var player in state.GetProperty("players").EnumerateArray())
        {
            var seat = player.GetProperty("seat").GetInt32();
            Check(player.GetProperty("score").GetInt32() == scores[seat], "scoreMismatch", $"welcome says seat {seat} has {player.GetProperty("score").GetInt32()}, found lists {scores[seat]}");
        }

        Check(state.GetProperty("goldLeft").GetInt32() == gold - found, "goldLeftMismatch", "in welcome");
        Welcomed = true;
    }

    /// <summary>Applies one room event; false when it is an old one (already folded into the welcome) and was dropped.</summary>
    public bool Apply(JsonElement message, string type, long seq, int bytesHash)
    {
        if (seq <= LastSeq)
        {
            return false;
        }

        Check(seq == LastSeq + 1, "seqGap", $"expected {LastSeq + 1}, got {seq}");
        LastSeq = seq;
        EventHashes[seq] = bytesHash;
        switch (type)
        {
            case "gameStarted":
                Started = true;
                Turn = message.GetProperty("turn").GetInt32();
                break;
            case "dug":
                Dug(message, seq);
                break;
            case "gameOver":
                GameOver(message);
                break;
        }

        return true;
    }

    /// <summary>A random cell this connection has not seen dug (digging only those keeps `alreadyDug` at zero).</summary>
    public (int Row, int Col)? PickUndug(Random random)
    {
        var start = random.Next(board.Length);
        for (var i = 0; i < board.Length; i++)
        {
            var index = (start + i) % board.Length;
            if (board[index] is null)
            {
                return (index / cols, index % cols);
            }
        }

        return null;
    }

    private void Dug(JsonElement message, long seq)
    {
        var by = message.GetProperty("by").GetInt32();
        var row = message.GetProperty("row").GetInt32();
        var col = message.GetProperty("col").GetInt32();
        Check(Started && !Over, "digOutOfGame", $"seq {seq} dug while not playing");
        Check(Turn == by, "outOfTurn", $"seq {seq} dug by {by}, turn was {Turn}");
        var goldHere = 0;
        var revealed = new List<int>();
        var includesTarget = false;
        foreach (var cell in message.GetProperty("cells").EnumerateArray())
        {
            var r = cell.GetProperty("row").GetInt32();
            var c = cell.GetProperty("col").GetInt32();
            var value = cell.GetProperty("value").GetInt32();
            if (!Check(r >= 0 && r < rows && c >= 0 && c < cols && value is >= -1 and <= 8, "badCell", $"seq {seq} ({r},{c})={value}"))
            {
                continue;
            }

            var index = (r * cols) + c;
            Check(board[index] is null, "cellRevealedTwice", $"seq {seq} ({r},{c})");
            board[index] = value;
            revealed.Add(index);
            includesTarget |= r == row && c == col;
            if (value == -1)
            {
                goldHere++;
                Check(r == row && c == col, "goldInFlood", $"seq {seq} revealed gold at ({r},{c}) digging ({row},{col})");
            }
        }

        Check(includesTarget, "digNotRevealed", $"seq {seq} ({row},{col})");
        foreach (var index in revealed)
        {
            // A revealed zero has no gold around it: the flood must have opened all its neighbours.
            if (board[index] == 0)
            {
                Check(Neighbours(index).All(n => board[n] is not null), "floodIncomplete", $"seq {seq} around ({index / cols},{index % cols})");
            }
        }

        scores[by] += goldHere;
        found += goldHere;
        CheckScores(message.GetProperty("scores"), $"dug seq {seq}");
        Check(message.GetProperty("goldLeft").GetInt32() == gold - found, "goldLeftMismatch", $"seq {seq}");
        var turn = NullableInt(message.GetProperty("turn"));
        var ends = found == gold || (flags && scores[by] * 2 > gold);
        int? expected = ends ? null : flags && goldHere > 0 ? by : 1 - by;
        Check(turn == expected, "turnMismatch", $"seq {seq} turn {turn}, rules say {expected}");
        Turn = turn;
    }

    private void GameOver(JsonElement message)
    {
        Over = true;
        Turn = null;
        CheckScores(message.GetProperty("scores"), "gameOver");
        Check(scores[0] + scores[1] == found, "scoresDontAddUp", $"{scores[0]}+{scores[1]} != {found} gold found");
        var reason = message.GetProperty("reason").GetString();
        Check(reason != "allGoldFound" || found == gold, "endedEarly", $"allGoldFound with {found}/{gold}");
        int? leader = scores[0] == scores[1] ? null : scores[0] > scores[1] ? 0 : 1;
        Check(reason == "forfeit" || NullableInt(message.GetProperty("winner")) == leader, "wrongWinner", $"winner {message.GetProperty("winner")} with {scores[0]}:{scores[1]}");
        var truth = new int[rows * cols];
        var rowIndex = 0;
        foreach (var row in message.GetProperty("board").EnumerateArray())
        {
            var colIndex = 0;
            foreach (var cell in row.EnumerateArray())
            {
                if (rowIndex < rows && colIndex < cols)
                {
                    truth[(rowIndex * cols) + colIndex] = cell.GetInt32();
                }

                colIndex++;
            }

            rowIndex++;
        }

        Check(truth.Count(v => v == -1) == gold, "boardInvalid", $"final board has {truth.Count(v => v == -1)} gold, not {gold}");
        for (var i = 0; i < truth.Length; i++)
        {
            Check(board[i] is null || board[i] == truth[i], "boardMismatch", $"({i / cols},{i % cols}) seen {board[i]}, final board {truth[i]}");
            Check(truth[i] == -1 || truth[i] == Neighbours(i).Count(n => truth[n] == -1), "boardInvalid", $"({i / cols},{i % cols}) says {truth[i]}");
        }
    }

    private void CheckScores(JsonElement sent, string where)
    {
        var s0 = sent[0].GetInt32();
        var s1 = sent[1].GetInt32();
        Check(s0 == scores[0] && s1 == scores[1], "scoreMismatch", $"{where}: server says {s0}:{s1}, gold seen {scores[0]}:{scores[1]}");
    }

    private IEnumerable<int> Neighbours(int index)
    {
        var (r, c) = (index / cols, index % cols);
        for (var dr = -1; dr <= 1; dr++)
        {
            for (var dc = -1; dc <= 1; dc++)
            {
                if ((dr != 0 || dc != 0) && r + dr >= 0 && r + dr < rows && c + dc >= 0 && c + dc < cols)
                {
                    yield return ((r + dr) * cols) + c + dc;
                }
            }
        }
    }

    private bool Check(bool condition, string kind, string detail)
    {
        if (!condition)
        {
            Broken = true;
            metrics.Violation(kind, $"room {room} {who}: {detail}");
        }

        return condition;
    }

    private static int? NullableInt(JsonElement element) => element.ValueKind == JsonValueKind.Number ? element.GetInt32() : null;
}
