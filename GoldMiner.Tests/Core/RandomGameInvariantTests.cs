using GoldMiner.Core;
using GoldMiner.Core.Events;

namespace GoldMiner.Tests.Core;

/// <summary>
/// Whole games with random boards and random legal digs. Every choice comes from a seeded
/// <see cref="Random"/>, so a failure names its seed and reruns the same way.
/// </summary>
public class RandomGameInvariantTests
{
    private const int SeedsPerBatch = 50;

    public static TheoryData<GameRules, int> Batches()
    {
        var data = new TheoryData<GameRules, int>();
        foreach (var rules in new[] { GameRules.Classic, GameRules.Flags })
        {
            for (var first = 0; first < 300; first += SeedsPerBatch)
            {
                data.Add(rules, first);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void RandomGames_KeepEveryInvariant(GameRules rules, int firstSeed)
    {
        for (var seed = firstSeed; seed < firstSeed + SeedsPerBatch; seed++)
        {
            PlayRandomGame(rules, seed);
        }
    }

    private static void PlayRandomGame(GameRules rules, int seed)
    {
        var random = new Random(seed);
        var rows = random.Next(GameOptions.MinSize, GameOptions.MaxSize + 1);
        var cols = random.Next(GameOptions.MinSize, GameOptions.MaxSize + 1);
        var cells = rows * cols;

        // Mostly realistic densities, sometimes anything up to a board that is all gold but one cell.
        var gold = seed % 4 == 0 ? random.Next(1, cells) : Math.Max(1, cells * random.Next(5, 30) / 100);
        var options = new GameOptions(rows, cols, gold, rules);
        var boardSeed = random.NextInt64(long.MinValue, long.MaxValue);
        var game = new Game(options, boardSeed);
        var why = $"seed {seed}, {rules}, {rows} x {cols} with {gold} gold";
        game.Join("Ada");
        game.Join("Bob");

        CheckNumbers(game.Board, why);
        var seen = new bool[cells];
        var order = Enumerable.Range(0, cells).ToArray();
        random.Shuffle(order);
        foreach (var index in order)
        {
            if (game.Status == GameStatus.Finished)
            {
                break;
            }

            if (!game.IsDug(index / cols, index % cols))
            {
                DigAndCheck(game, index / cols, index % cols, seen, why);
            }

            if (game.Status == GameStatus.Playing && random.Next(20) == 0)
            {
                TryRefusedDig(game, random, why);
            }
        }

        CheckEnding(game, why);
        CheckDugCells(game, seen, why);
        var expected = GameSnapshot.Of(game);
        GameSnapshot.Of(Game.Replay(options, boardSeed, game.Moves)).Should().Be(expected, why);
        GameSnapshot.Of(Game.Replay(game.Board, rules, game.Moves)).Should().Be(expected, why);
    }

    // Runs for every dig of every game, so it checks with plain conditions: FluentAssertions
    // here would cost more than the games themselves.
    private static void DigAndCheck(Game game, int row, int col, bool[] seen, string why)
    {
        var seat = game.Turn!.Value;
        var result = game.Dig(seat, row, col);
        Ensure(result.IsAccepted, $"{why}: dig ({row}, {col}) by {seat} was refused: {result.Rejection}");
        var dug = (CellsDug)result.Events[0];
        var board = game.Board;
        var foundGold = board[row, col] == Board.Gold;
        var at = $"{why}, dig ({row}, {col})";

        // Apart from the dug cell, a cell is only revealed by a zero that this dig revealed next to it.
        var zeros = dug.Cells.Where(c => c.Value == 0).Select(c => (c.Row, c.Col)).ToHashSet();
        foreach (var cell in dug.Cells)
        {
            var index = (cell.Row * board.Cols) + cell.Col;
            var isDugCell = (cell.Row, cell.Col) == (row, col);
            Ensure(!seen[index], $"{at}: revealed {cell} a second time");
            Ensure(cell.Value == board[cell.Row, cell.Col] && game.IsDug(cell.Row, cell.Col), $"{at}: revealed {cell} wrongly");
            Ensure(isDugCell || cell.Value != Board.Gold, $"{at}: revealed gold at {cell}");
            Ensure(isDugCell || board.Neighbours(cell.Row, cell.Col).Any(zeros.Contains), $"{at}: revealed {cell} away from any zero");
            seen[index] = true;
        }

        Ensure(dug.Cells.Any(c => (c.Row, c.Col) == (row, col)), $"{at}: the dug cell is missing");
        Ensure(!foundGold || dug.Cells.Count == 1, $"{at}: gold revealed more than itself");
        Ensure(game.Scores.Sum() == game.Found.Count, $"{at}: scores {string.Join(",", game.Scores)} but {game.Found.Count} found");
        Ensure(game.Found.Count == board.GoldCount - game.GoldLeft, $"{at}: found {game.Found.Count}, gold left {game.GoldLeft}");
        Ensure(dug.Scores.SequenceEqual(game.Scores) && dug.GoldLeft == game.GoldLeft, $"{at}: the event disagrees with the game");
        Ensure(dug.Turn == game.Turn, $"{at}: the event says turn {dug.Turn}, the game {game.Turn}");

        if (game.Status == GameStatus.Finished)
        {
            Ensure(result.Events.Count == 2 && result.Events[1] is GameEnded && dug.Turn is null, $"{at}: ended without a proper GameEnded");
        }
        else
        {
            var keeps = game.Rules == GameRules.Flags && foundGold;
            Ensure(result.Events.Count == 1, $"{at}: unexpected events");
            Ensure(game.Turn == (keeps ? seat : 1 - seat), $"{at}: turn went to {game.Turn}");
            Ensure(game.Rules == GameRules.Classic || game.Scores.Max() * 2 <= board.GoldCount, $"{at}: a majority did not end the game");
        }
    }

    private static void Ensure(bool condition, string message)
    {
        if (!condition)
        {
            throw new Xunit.Sdk.XunitException(message);
        }
    }

    private static void TryRefusedDig(Game game, Random random, string why)
    {
        var board = game.Board;
        var turn = game.Turn!.Value;
        var dugCell = Enumerable.Range(0, board.Rows * board.Cols).First(i => game.IsDug(i / board.Cols, i % board.Cols));
        var (seat, row, col, expected) = random.Next(4) switch
        {
            0 => (1 - turn, random.Next(board.Rows), random.Next(board.Cols), Rejection.NotYourTurn),
            1 => (turn, dugCell / board.Cols, dugCell % board.Cols, Rejection.AlreadyDug),
            2 => (turn, board.Rows, random.Next(board.Cols), Rejection.OutOfBounds),
            _ => (turn, random.Next(board.Rows), -1, Rejection.OutOfBounds),
        };
        var before = GameSnapshot.Of(game);

        var result = game.Dig(seat, row, col);

        result.Rejection.Should().Be(expected, why);
        GameSnapshot.Of(game).Should().Be(before, why);
    }

    private static void CheckEnding(Game game, string why)
    {
        game.Status.Should().Be(GameStatus.Finished, $"every random game ends ({why})");
        game.Turn.Should().BeNull(why);
        var scores = game.Scores;
        var leader = scores[0] == scores[1] ? (int?)null : scores[0] > scores[1] ? 0 : 1;
        if (game.EndReason == GameEndReason.Majority)
        {
            game.Rules.Should().Be(GameRules.Flags, why);
            game.Winner.Should().NotBeNull(why);
            (scores[game.Winner!.Value] * 2).Should().BeGreaterThan(game.Board.GoldCount, why);
            game.Winner.Should().Be(leader, why);
        }
        else
        {
            game.EndReason.Should().Be(GameEndReason.AllGoldFound, why);
            game.GoldLeft.Should().Be(0, why);
            game.Winner.Should().Be(leader, why);
            if (game.Rules == GameRules.Flags)
            {
                // Without a majority all the gold can only have been split evenly.
                scores[0].Should().Be(scores[1], why);
            }
        }
    }

    private static void CheckDugCells(Game game, bool[] seen, string why)
    {
        var board = game.Board;
        for (var r = 0; r < board.Rows; r++)
        {
            for (var c = 0; c < board.Cols; c++)
            {
                var dug = game.IsDug(r, c);
                if (dug != seen[(r * board.Cols) + c])
                {
                    throw new Xunit.Sdk.XunitException($"{why}: ({r}, {c}) dug is {dug} but the events say otherwise.");
                }

                // A dug zero always has all its neighbours dug: the flood never stops short.
                if (dug && board[r, c] == 0 && board.Neighbours(r, c).Any(n => !game.IsDug(n.Row, n.Col)))
                {
                    throw new Xunit.Sdk.XunitException($"{why}: zero at ({r}, {c}) has a hidden neighbour.");
                }
            }
        }

        game.Found.Should().OnlyContain(f => board[f.Row, f.Col] == Board.Gold && game.IsDug(f.Row, f.Col), why);
        game.Found.Select(f => (f.Row, f.Col)).Should().OnlyHaveUniqueItems(why);
    }

    private static void CheckNumbers(Board board, string why)
    {
        for (var r = 0; r < board.Rows; r++)
        {
            for (var c = 0; c < board.Cols; c++)
            {
                if (board[r, c] != Board.Gold && board[r, c] != GameFixtures.CountGoldAround(board, r, c))
                {
                    throw new Xunit.Sdk.XunitException($"{why}: ({r}, {c}) holds {board[r, c]}.");
                }
            }
        }
    }
}
