using GoldMiner.Core;

namespace GoldMiner.Tests.Core;

public class GameOptionsTests
{
    [Theory]
    [InlineData(4, 4, 1)]
    [InlineData(4, 4, 15)]
    [InlineData(9, 9, 10)]
    [InlineData(30, 30, 899)]
    [InlineData(4, 30, 119)]
    [InlineData(30, 4, 1)]
    public void Validate_WithinLimits_IsNull(int rows, int cols, int gold)
    {
        var options = new GameOptions(rows, cols, gold);

        var problem = options.Validate();

        problem.Should().BeNull();
    }

    [Theory]
    [InlineData(3, 9, 10, "rows")]
    [InlineData(31, 9, 10, "rows")]
    [InlineData(0, 9, 10, "rows")]
    [InlineData(int.MinValue, 9, 10, "rows")]
    [InlineData(int.MaxValue, int.MaxValue, 10, "rows")]
    [InlineData(9, 3, 10, "cols")]
    [InlineData(9, 31, 10, "cols")]
    [InlineData(9, -1, 10, "cols")]
    [InlineData(9, 9, 0, "gold")]
    [InlineData(9, 9, -5, "gold")]
    [InlineData(9, 9, 81, "gold")]
    [InlineData(4, 4, 16, "gold")]
    [InlineData(30, 30, 900, "gold")]
    [InlineData(0, 0, 0, "rows")]
    [InlineData(9, 0, 0, "cols")]
    public void Validate_OutsideLimits_NamesTheField(int rows, int cols, int gold, string field)
    {
        var options = new GameOptions(rows, cols, gold, GameRules.Flags);

        var problem = options.Validate();

        problem.Should().NotBeNull();
        problem!.Value.Field.Should().Be(field);
        problem.Value.Reason.Should().Contain(field);
    }

    [Fact]
    public void Default_IsNineByNineWithTenGoldUnderClassicRules()
    {
        var options = GameOptions.Default;

        options.Should().Be(new GameOptions(9, 9, 10, GameRules.Classic));
        options.Validate().Should().BeNull();
    }
}
