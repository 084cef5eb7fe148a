using GoldMiner.Core;
using static GoldMiner.Tests.Core.GameFixtures;

namespace GoldMiner.Tests.Core;

public class FloodTests
{
    // Two zero pockets: (0,0) alone, boxed in by numbers, and a big region to the south-east.
    private const string Pockets = "01G10/12110/G1000/11000/00000";

    // A column of gold splits the board into two zero regions.
    private const string Wall = "02G20/03G30/03G30/02G20";

    // Masks: 'x' revealed by the dig, '-' still hidden.
    [Theory]
    [InlineData("G1../11../..../....", 3, 3, "-xxx/xxxx/xxxx/xxxx")]
    [InlineData("G1../11../..../....", 0, 3, "-xxx/xxxx/xxxx/xxxx")]
    [InlineData("G1../11../..../....", 1, 1, "----/-x--/----/----")]
    [InlineData("111./1G1./111./....", 3, 0, "--xx/--xx/xxxx/xxxx")]
    [InlineData(Wall, 0, 0, "xx---/xx---/xx---/xx---")]
    [InlineData(Wall, 3, 4, "---xx/---xx/---xx/---xx")]
    [InlineData(Wall, 2, 1, "-----/-----/-x---/-----")]
    [InlineData(Pockets, 0, 0, "xx---/xx---/-----/-----/-----")]
    [InlineData(Pockets, 4, 4, "---xx/-xxxx/-xxxx/xxxxx/xxxxx")]
    [InlineData(Pockets, 4, 0, "---xx/-xxxx/-xxxx/xxxxx/xxxxx")]
    [InlineData(Pockets, 0, 4, "---xx/-xxxx/-xxxx/xxxxx/xxxxx")]
    [InlineData(Pockets, 1, 1, "-----/-x---/-----/-----/-----")]
    public void Dig_RevealsExactlyTheExpectedCells(string board, int row, int col, string expected)
    {
        var game = StartedGame(board);

        var dug = game.DigAccepted(0, row, col);

        Mask(game.Board.Rows, game.Board.Cols, dug.Cells).Should().Be(expected);
        DugMask(game).Should().Be(expected);
        dug.Cells.Should().OnlyHaveUniqueItems();
        dug.Cells.Should().OnlyContain(c => c.Value == game.Board[c.Row, c.Col]);
    }

    [Theory]
    [InlineData("G1../11../..../....", 3, 3)]
    [InlineData("111./1G1./111./....", 3, 0)]
    [InlineData(Wall, 0, 0)]
    [InlineData(Pockets, 4, 4)]
    public void Dig_Zero_NeverRevealsGold(string board, int row, int col)
    {
        var game = StartedGame(board);

        var dug = game.DigAccepted(0, row, col);

        dug.Cells.Should().NotContain(c => c.Value == Board.Gold);
        dug.Scores.Should().Equal(0, 0);
        game.GoldLeft.Should().Be(game.Board.GoldCount);
    }

    [Fact]
    public void Dig_Zero_DoesNotRevealCellsAlreadyDug()
    {
        var game = StartedGame(Pockets).Play((0, 0, 0));

        var dug = game.DigAccepted(1, 4, 4);

        Mask(5, 5, dug.Cells).Should().Be("---xx/--xxx/-xxxx/xxxxx/xxxxx");
        DugMask(game).Should().Be("xx-xx/xxxxx/-xxxx/xxxxx/xxxxx");
    }

    [Fact]
    public void Dig_Zero_StopsAtBordersThatOtherDigsRevealed()
    {
        var game = StartedGame(Wall).Play((0, 0, 1), (1, 1, 1));

        var dug = game.DigAccepted(0, 3, 0);

        Mask(4, 5, dug.Cells).Should().Be("x----/x----/xx---/xx---");
    }

    [Fact]
    public void Dig_ZeroInsideAnAlreadyRevealedRegion_IsRejected()
    {
        var game = StartedGame(Wall).Play((0, 0, 0));

        var result = game.Dig(1, 3, 0);

        result.Rejection.Should().Be(Rejection.AlreadyDug);
    }

    [Fact]
    public void Dig_BothSidesOfAWall_LeavesOnlyTheWallHidden()
    {
        var game = StartedGame(Wall);

        game.Play((0, 0, 0), (1, 0, 4));

        DugMask(game).Should().Be("xx-xx/xx-xx/xx-xx/xx-xx");
        game.Found.Should().BeEmpty();
    }

    // 30 x 30 is the largest board the rules allow, the last whose flood works on the stack; the
    // bigger ones (only a test builds them) take a rented array, and must flood the same.
    [Theory]
    [InlineData(4)]
    [InlineData(30)]
    [InlineData(31)]
    [InlineData(45)]
    public void Dig_Zero_FloodsABoardOfAnySize(int size)
    {
        // One gold in the far corner: a dig in the near one reveals every other cell.
        var rows = Enumerable.Range(0, size).Select(r => new string('.', size - 1) + (r == size - 1 ? "G" : "."));
        var game = StartedGame(string.Join('/', rows));

        var dug = game.DigAccepted(0, 0, 0);

        dug.Cells.Should().HaveCount((size * size) - 1).And.OnlyHaveUniqueItems();
        dug.Cells.Should().OnlyContain(c => c.Value == game.Board[c.Row, c.Col] && c.Value != Board.Gold);
        dug.Cells[0].Should().Be(new RevealedCell(0, 0, 0));
        game.DigAccepted(1, size - 1, size - 1).Cells.Should().Equal(new RevealedCell(size - 1, size - 1, Board.Gold));
    }
}
