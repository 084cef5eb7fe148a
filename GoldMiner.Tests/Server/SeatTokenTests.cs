using FluentAssertions;
using GoldMiner.Server.Rooms;
using Xunit;

namespace GoldMiner.Tests.Server;

public sealed class SeatTokenTests
{
    [Fact]
    public void Create_Gives128RandomBitsAsUnpaddedBase64Url()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => SeatToken.Create().Token).ToList();

        tokens.Should().OnlyContain(t => t.Length == 22 && t.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
        tokens.Should().OnlyHaveUniqueItems();
        string.Concat(tokens).Should().Contain("-").And.Contain("_", "200 tokens use the whole URL-safe alphabet");
    }

    [Fact]
    public void Matches_OnlyItsOwnHash()
    {
        var (token, hash) = SeatToken.Create();
        var (other, _) = SeatToken.Create();

        SeatToken.Matches(token, hash).Should().BeTrue();
        SeatToken.Matches(other, hash).Should().BeFalse();
        SeatToken.Matches(token[..^1], hash).Should().BeFalse();
    }

    [Fact]
    public void Hash_IsTheSha256OfTheUtf8Token_SoStoredSeatsStillMatchAfterAnUpgrade()
    {
        Convert.ToHexStringLower(SeatToken.Hash("abc")).Should().Be("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Theory]
    [InlineData(300)]
    [InlineData(5000)]
    public void Matches_ALongOrNonAsciiToken_WithoutThrowing(int length)
    {
        var (_, hash) = SeatToken.Create();
        var token = new string('王', length);

        SeatToken.Matches(token, hash).Should().BeFalse();
        SeatToken.Hash(token).Should().Equal(SeatToken.Hash(token)).And.HaveCount(32);
    }
}
