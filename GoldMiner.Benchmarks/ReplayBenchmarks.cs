using BenchmarkDotNet.Attributes;
using GoldMiner.Core;
using GoldMiner.Core.Moves;

namespace GoldMiner.Benchmarks;

/// <summary>
/// Rebuilding a long game from its options, seed and moves, as recovery after a restart does for
/// every unfinished room: 30 x 30 with 111 gold, played to the end by two random players.
/// </summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private static readonly GameOptions Options = new(30, 30, 111);
    private const long Seed = 7;
    private List<GameMove> moves = null!;

    [GlobalSetup]
    public void Setup()
    {
        var game = new Game(Options, Seed);
        game.Join("a");
        game.Join("b");
        var random = new Random(1);
        while (game.Status == GameStatus.Playing)
        {
            var cell = random.Next(900);
            game.Dig(game.Turn!.Value, cell / 30, cell % 30);
        }

        moves = [.. game.Moves];
        Console.WriteLine($"// replaying {moves.Count} moves");
    }

    [Benchmark(Description = "Game.Replay 30x30, whole game")]
    public Game Replay() => Game.Replay(Options, Seed, moves);
}
