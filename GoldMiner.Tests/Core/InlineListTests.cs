using GoldMiner.Core;

namespace GoldMiner.Tests.Core;

public class InlineListTests
{
    public static TheoryData<int[]> Lengths() => [[], [7], [7, 8], [7, 8, 9], [1, 2, 3, 4, 5]];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void CollectionExpression_KeepsEveryItemInOrder(int[] items)
    {
        InlineList<int> list = [.. items];

        list.Count.Should().Be(items.Length);
        list.Should().Equal(items);
        Enumerable.Range(0, items.Length).Select(i => list[i]).Should().Equal(items);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Indexer_OutsideTheList_Throws(int index)
    {
        InlineList<int> list = [1, 2];

        var read = () => list[index];

        read.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Default_IsEmpty()
    {
        var list = default(InlineList<string>);

        list.Count.Should().Be(0);
        list.Should().BeEmpty();
    }

    [Fact]
    public void Lists_WithTheSameItems_AreEqual_HowEverTheyAreHeld()
    {
        var inline = new InlineList<int>(1, 2);
        var inArray = new InlineList<int>([1, 2]);

        inline.Equals(inArray).Should().BeTrue();
        inline.GetHashCode().Should().Be(inArray.GetHashCode());
        inline.Equals(new InlineList<int>(2, 1)).Should().BeFalse();
        inline.Equals(new InlineList<int>(1)).Should().BeFalse();
        new InlineList<int>(1).Equals(new InlineList<int>(1, 0)).Should().BeFalse("a missing item is not a default one");
    }

    [Fact]
    public void ToString_ListsTheItems()
    {
        InlineList<int> list = [3, 4, 5];

        list.ToString().Should().Be("[3, 4, 5]");
    }
}
