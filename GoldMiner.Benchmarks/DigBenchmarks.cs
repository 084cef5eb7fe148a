using BenchmarkDotNet.Attributes;
using GoldMiner.Core;

namespace GoldMiner.Benchmarks;

/// <summary>
/// One dig on a 30 x 30 board: a number (one cell) and a zero that floods most of the board.
/// Each needs a fresh game, so the baseline measures the fresh game alone; subtract it.
/// </summary>
[MemoryDiagnoser]
public class DigBenchmarks
{
    private Board sparse = null!;
    private (int Row, int Col) zero;
    private (int Row, int Col) number;

    [GlobalSetup]
    public void Setup()
    {
        // Few gold, so one zero opens a large region: the worst case for the flood.
        sparse = Board.Generate(30, 30, 20, seed: 42);
        var cells = Enumerable.Range(0, 900).Select(i => (Row: i / 30, Col: i % 30)).ToList();
        zero = cells.First(c => sparse[c.Row, c.Col] == 0);
        number = cells.First(c => sparse[c.Row, c.Col] > 0);
    }

    [Benchmark(Baseline = true, Description = "new game + 2 joins (baseline)")]
    public Game NewGame() => Started();

    [Benchmark(Description = "dig a number (1 cell)")]
    public MoveResult DigNumber() => Started().Dig(0, number.Row, number.Col);

    [Benchmark(Description = "dig a zero (flood)")]
    public int DigFlood()
    {
        var result = Started().Dig(0, zero.Row, zero.Col);
        return ((GoldMiner.Core.Events.CellsDug)result.Events[0]).Cells.Count;
    }

    private Game Started()
    {
        var game = new Game(sparse, GameRules.Classic);
        game.Join("a");
        game.Join("b");
        return game;
    }
}
