using GoldMiner.Core;

namespace GoldMiner.Tests.Core;

public class BoardParseTests
{
    [Theory]
    [InlineData("G1../11../..../....", 4, 4, 1)]
    [InlineData("GG1./221./..11/..1G", 4, 4, 3)]
    [InlineData("01G10/12110/G1000/11000/00000", 5, 5, 2)]
    [InlineData("..../..../..../....", 4, 4, 0)]
    [InlineData("G", 1, 1, 1)]
    [InlineData("G1.", 1, 3, 1)]
    public void Parse_ValidFixture_HasItsShapeAndGold(string text, int rows, int cols, int gold)
    {
        var board = Board.Parse(text);

        board.Rows.Should().Be(rows);
        board.Cols.Should().Be(cols);
        board.GoldCount.Should().Be(gold);
    }

    [Fact]
    public void Parse_ComputesEveryNumberFromTheGold()
    {
        var board = Board.Parse("G.../..../...G/G...");

        board.ToRows().Should().BeEquivalentTo(
            new[]
            {
                new[] { -1, 1, 0, 0 },
                new[] { 1, 1, 1, 1 },
                new[] { 1, 1, 1, -1 },
                new[] { -1, 1, 1, 1 },
            },
            options => options.WithStrictOrdering());
    }

    [Theory]
    [InlineData("G1../11../..../....")]
    [InlineData("G1..\n11..\n....\n....")]
    [InlineData("G1..\r\n11..\r\n....\r\n....\r\n")]
    [InlineData("  G1.. / 11.. / .... / ....  ")]
    public void Parse_AcceptsSlashesNewlinesAndSurroundingSpace(string text)
    {
        var board = Board.Parse(text);

        board.ToString().Should().Be("G100/1100/0000/0000");
    }

    [Theory]
    [InlineData("G2../11../..../....")]
    [InlineData("G1../10../..../....")]
    [InlineData("G1../11../..../...1")]
    [InlineData("1")]
    [InlineData("G0")]
    public void Parse_WrongDigit_Throws(string text)
    {
        var parse = () => Board.Parse(text);

        parse.Should().Throw<FormatException>().WithMessage("*gold neighbours*");
    }

    [Theory]
    [InlineData("G1../11./..../....")]
    [InlineData("G1../11.../..../....")]
    [InlineData("G1../11..\n...")]
    public void Parse_RaggedRows_Throws(string text)
    {
        var parse = () => Board.Parse(text);

        parse.Should().Throw<FormatException>().WithMessage("*same length*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData(" \n ")]
    public void Parse_NoRows_Throws(string text)
    {
        var parse = () => Board.Parse(text);

        parse.Should().Throw<FormatException>();
    }

    [Theory]
    [InlineData("G1.x/11../..../....", 'x')]
    [InlineData("g1../11../..../....", 'g')]
    [InlineData("G1.9/11../..../....", '9')]
    [InlineData("G1.-/11../..../....", '-')]
    [InlineData("G1 ./11../..../....", ' ')]
    public void Parse_BadCharacter_Throws(string text, char bad)
    {
        var parse = () => Board.Parse(text);

        parse.Should().Throw<FormatException>().WithMessage($"*'{bad}'*");
    }

    [Theory]
    [InlineData("G100/1100/0000/0000")]
    [InlineData("GG10/2210/0011/001G")]
    [InlineData("2GG1/2G31/1110/0000")]
    [InlineData("GGG/G8G/GGG")]
    public void ToString_OfParsedBoard_GivesTheTextBack(string text)
    {
        var board = Board.Parse(text);

        board.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(-7)]
    public void ToString_OfGeneratedBoard_ParsesToTheSameBoard(long seed)
    {
        var board = Board.Generate(9, 12, 20, seed);

        var parsed = Board.Parse(board.ToString());

        parsed.ToRows().Should().BeEquivalentTo(board.ToRows(), options => options.WithStrictOrdering());
        parsed.GoldCount.Should().Be(20);
    }

    [Theory]
    [InlineData(0, 0, 3)]
    [InlineData(1, 1, 8)]
    [InlineData(3, 3, 3)]
    [InlineData(0, 3, 3)]
    [InlineData(1, 0, 5)]
    public void Neighbours_ListsOnlyCellsOnTheBoard(int row, int col, int expected)
    {
        var board = Board.Parse("..../..../..../....");

        var neighbours = board.Neighbours(row, col).ToList();

        neighbours.Should().HaveCount(expected).And.OnlyHaveUniqueItems();
        neighbours.Should().OnlyContain(n => board.Contains(n.Row, n.Col) && !(n.Row == row && n.Col == col));
        neighbours.Should().OnlyContain(n => Math.Abs(n.Row - row) <= 1 && Math.Abs(n.Col - col) <= 1);
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(3, 4, true)]
    [InlineData(-1, 0, false)]
    [InlineData(0, -1, false)]
    [InlineData(4, 0, false)]
    [InlineData(0, 5, false)]
    public void Contains_IsTrueOnlyOnTheBoard(int row, int col, bool expected)
    {
        var board = Board.Parse("...../...../...../.....");

        board.Contains(row, col).Should().Be(expected);
    }
}
