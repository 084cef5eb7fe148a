using BenchmarkDotNet.Attributes;
using GoldMiner.Core;

namespace GoldMiner.Benchmarks;

/// <summary>What a new 30 x 30 room costs before anyone joins: placing the gold and counting neighbours.</summary>
[MemoryDiagnoser]
public class BoardBenchmarks
{
    private long seed;

    [Benchmark(Description = "Board.Generate 30x30, 111 gold")]
    public Board Generate30x30() => Board.Generate(30, 30, 111, ++seed);

    [Benchmark(Description = "Board.Generate 9x9, 10 gold")]
    public Board Generate9x9() => Board.Generate(9, 9, 10, ++seed);
}
