using System.Text;
using FluentAssertions;
using GoldMiner.Server.Protocol;
using Xunit;

namespace GoldMiner.Tests.Server;

/// <summary>
/// WireJson writes UTF-8 through a buffer it reuses per thread; the bytes must be those of the
/// plain string, whatever came before on the same thread and whatever the names hold.
/// </summary>
public sealed class WireJsonTests
{
    [Fact]
    public void Utf8_is_the_serialised_string_in_utf8_for_any_sequence_of_sizes_and_names()
    {
        // Small, then much bigger (the buffer grows into several chunks), then small again (one
        // chunk, reused), with names that need four UTF-8 bytes per character and escaping.
        var messages = new object[]
        {
            new PongMessage(),
            new PlayerInfo(0, "⛏️ miner 😀", 3, true),
            Board(60, "王小明 😀😀 \"quoted\" \\ 😀"),
            new ErrorMessage(ErrorCodes.BadMessage, "emoji 😀 at the end 😀"),
            Board(5, "😀"),
            Board(120, "😀"[0] + "😀" + new string('x', 3000)),
        };

        foreach (var message in messages)
        {
            WireJson.SerializeToUtf8(message).Should().Equal(Encoding.UTF8.GetBytes(WireJson.Serialize(message)), $"for {message.GetType().Name}");
        }
    }

    private static object Board(int size, string name) => new
    {
        Name = name,
        Board = Enumerable.Range(0, size).Select(r => Enumerable.Range(0, size).Select(c => (r * c) % 9 - 1).ToArray()).ToArray(),
    };
}
