using GoldMiner.Core;

namespace GoldMiner.Tests.Core;

public class BoardGenerateTests
{
    [Theory]
    [InlineData(9, 9, 10, 1L)]
    [InlineData(30, 30, 150, 0L)]
    [InlineData(4, 7, 5, -123L)]
    [InlineData(4, 4, 15, long.MaxValue)]
    [InlineData(4, 4, 1, long.MinValue)]
    public void Generate_SameSeed_GivesTheSameBoard(int rows, int cols, int gold, long seed)
    {
        var first = Board.Generate(rows, cols, gold, seed);

        var second = Board.Generate(rows, cols, gold, seed);

        second.ToString().Should().Be(first.ToString());
    }

    // Expected boards come from a separate re-implementation of SplitMix64 and the partial
    // Fisher-Yates shuffle: stored games are rebuilt from their seed, so these must never change.
    [Theory]
    [InlineData(4, 4, 3, 42L, "2GG1/2G31/1110/0000")]
    [InlineData(5, 6, 4, -7L, "000000/111121/G11G3G/1112G2/000111")]
    [InlineData(9, 9, 10, 1L, "G10000000/110000000/000011100/11112G111/1G11G432G/22223GG31/1G11G4G20/111112110/000000000")]
    public void Generate_KnownSeed_GivesThePinnedBoard(int rows, int cols, int gold, long seed, string expected)
    {
        var board = Board.Generate(rows, cols, gold, seed);

        board.ToString().Should().Be(expected);
    }

    [Fact]
    public void Generate_DifferentSeeds_GiveDifferentBoards()
    {
        var seeds = Enumerable.Range(0, 50).Select(i => (long)i * 7919).ToList();

        var boards = seeds.Select(seed => Board.Generate(9, 9, 10, seed).ToString()).ToList();

        boards.Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData(4, 4, 1)]
    [InlineData(4, 4, 8)]
    [InlineData(4, 4, 15)]
    [InlineData(9, 9, 10)]
    [InlineData(16, 30, 99)]
    [InlineData(30, 30, 899)]
    [InlineData(4, 30, 60)]
    public void Generate_PlacesExactlyTheGoldAsked(int rows, int cols, int gold)
    {
        for (long seed = 0; seed < 20; seed++)
        {
            var board = Board.Generate(rows, cols, gold, seed);

            board.Rows.Should().Be(rows);
            board.Cols.Should().Be(cols);
            board.GoldCount.Should().Be(gold);
            board.ToRows().SelectMany(row => row).Count(v => v == Board.Gold).Should().Be(gold, $"seed {seed}");
        }
    }

    [Theory]
    [InlineData(4, 4, 5)]
    [InlineData(9, 9, 10)]
    [InlineData(13, 27, 80)]
    [InlineData(30, 30, 450)]
    public void Generate_NumbersCountTheGoldNeighbours(int rows, int cols, int gold)
    {
        for (long seed = 0; seed < 10; seed++)
        {
            var board = Board.Generate(rows, cols, gold, seed);

            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < cols; c++)
                {
                    if (board[r, c] != Board.Gold)
                    {
                        board[r, c].Should().Be(GameFixtures.CountGoldAround(board, r, c), $"seed {seed}, cell ({r}, {c})");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(3, 9, 10, "rows")]
    [InlineData(31, 9, 10, "rows")]
    [InlineData(-4, 9, 10, "rows")]
    [InlineData(9, 3, 10, "cols")]
    [InlineData(9, 31, 10, "cols")]
    [InlineData(9, 9, 0, "gold")]
    [InlineData(9, 9, -1, "gold")]
    [InlineData(9, 9, 81, "gold")]
    [InlineData(4, 4, 16, "gold")]
    public void Generate_OutOfLimits_Throws(int rows, int cols, int gold, string field)
    {
        var generate = () => Board.Generate(rows, cols, gold, 1);

        generate.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(field);
    }

    // 4 x 5 (not square, so a row/column mix-up shows), 3 gold: each cell expects 3/20 of the seeds.
    [Fact]
    public void Generate_OverManySeeds_PutsGoldEverywhereAboutEqually()
    {
        const int Rows = 4, Cols = 5, Gold = 3, Seeds = 2000;
        var hits = new int[Rows, Cols];

        for (long seed = 0; seed < Seeds; seed++)
        {
            var board = Board.Generate(Rows, Cols, Gold, seed);
            for (var r = 0; r < Rows; r++)
            {
                for (var c = 0; c < Cols; c++)
                {
                    hits[r, c] += board[r, c] == Board.Gold ? 1 : 0;
                }
            }
        }

        // Expected 300 per cell with a standard deviation near 16: 230..370 is more than four of them.
        var expected = Seeds * Gold / (Rows * Cols);
        hits.Cast<int>().Should().OnlyContain(h => h > 0);
        hits.Cast<int>().Should().OnlyContain(h => h >= expected - 70 && h <= expected + 70);
        hits.Cast<int>().Sum().Should().Be(Seeds * Gold);
    }

    [Fact]
    public void Generate_OverManySeeds_GivesAnInnerCellEveryPossibleCount()
    {
        // With 4 gold on 4 x 4, cell (1, 1) can see 0..4 of it, the extremes about 4% of the time each.
        var seen = new HashSet<int>();

        for (long seed = 0; seed < 2000; seed++)
        {
            var board = Board.Generate(4, 4, 4, seed);
            seen.Add(GameFixtures.CountGoldAround(board, 1, 1));
        }

        seen.Should().BeEquivalentTo(Enumerable.Range(0, 5));
    }
}
