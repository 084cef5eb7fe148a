using System.Text;
using GoldMiner.Core;
using GoldMiner.Core.Events;

namespace GoldMiner.Tests.Core;

/// <summary>One-line setups shared by the Core tests.</summary>
internal static class GameFixtures
{
    public const string First = "Ada";
    public const string Second = "Bob";

    /// <summary>A game on <paramref name="board"/> with both seats filled: seat 0 to dig.</summary>
    public static Game StartedGame(string board, GameRules rules = GameRules.Classic)
    {
        var game = new Game(Board.Parse(board), rules);
        game.Join(First).IsAccepted.Should().BeTrue();
        game.Join(Second).IsAccepted.Should().BeTrue();
        return game;
    }

    /// <summary>Digs and insists the dig was accepted; returns its <see cref="CellsDug"/>.</summary>
    public static CellsDug DigAccepted(this Game game, int seat, int row, int col)
    {
        var result = game.Dig(seat, row, col);
        result.Rejection.Should().BeNull($"seat {seat} digging ({row}, {col}) should be allowed");
        return result.Events[0].Should().BeOfType<CellsDug>().Subject;
    }

    /// <summary>Plays digs as (seat, row, col) triples, each of which must be accepted.</summary>
    public static Game Play(this Game game, params (int Seat, int Row, int Col)[] digs)
    {
        foreach (var (seat, row, col) in digs)
        {
            game.DigAccepted(seat, row, col);
        }

        return game;
    }

    /// <summary>Which cells <paramref name="cells"/> covers, drawn like a board: 'x' listed, '-' not.</summary>
    public static string Mask(int rows, int cols, IEnumerable<RevealedCell> cells)
    {
        var listed = cells.Select(c => (c.Row, c.Col)).ToHashSet();
        return Draw(rows, cols, (r, c) => listed.Contains((r, c)) ? 'x' : '-');
    }

    /// <summary>Which cells of <paramref name="game"/> are dug, drawn like a board: 'x' dug, '-' not.</summary>
    public static string DugMask(Game game) =>
        Draw(game.Board.Rows, game.Board.Cols, (r, c) => game.IsDug(r, c) ? 'x' : '-');

    /// <summary>Draws a board-shaped picture, rows separated by '/' as in <see cref="Board.Parse"/>.</summary>
    public static string Draw(int rows, int cols, Func<int, int, char> cell)
    {
        var text = new StringBuilder();
        for (var r = 0; r < rows; r++)
        {
            text.Append(r > 0 ? "/" : string.Empty);
            for (var c = 0; c < cols; c++)
            {
                text.Append(cell(r, c));
            }
        }

        return text.ToString();
    }

    /// <summary>The gold neighbours of (row, col), counted without using <see cref="Board.Neighbours"/>.</summary>
    public static int CountGoldAround(Board board, int row, int col)
    {
        var count = 0;
        for (var r = row - 1; r <= row + 1; r++)
        {
            for (var c = col - 1; c <= col + 1; c++)
            {
                var inside = r >= 0 && r < board.Rows && c >= 0 && c < board.Cols;
                if (inside && (r, c) != (row, col) && board[r, c] == Board.Gold)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
