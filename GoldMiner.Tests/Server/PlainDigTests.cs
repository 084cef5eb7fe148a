using System.Text;
using FluentAssertions;
using GoldMiner.Server.Protocol;
using Xunit;

namespace GoldMiner.Tests.Server;

/// <summary>
/// The plain-dig reader skips the general parser for the message sent most often. It may only
/// take a message the general parser would turn into the very same dig; everything else must go
/// on to the general parser, which has the errors.
/// </summary>
public sealed class PlainDigTests
{
    [Theory]
    [InlineData("""{"type":"dig","row":3,"col":4}""", 3, 4)]
    [InlineData("""{"col":4,"row":3,"type":"dig"}""", 3, 4)]
    [InlineData(""" { "type" : "dig" , "row" : 0 , "col" : 8 } """, 0, 8)]
    [InlineData("""{"type":"dig","row":-1,"col":0}""", -1, 0)]
    [InlineData("""{"type":"dig","row":4294967296,"col":0}""", -1, 0)]
    [InlineData("""{"\u0074ype":"d\u0069g","r\u006fw":1,"col":2}""", 1, 2)]
    public void Reads_a_plain_dig_as_the_general_parser_does(string json, int row, int col)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);

        PlainDig.TryRead(utf8, out var readRow, out var readCol).Should().BeTrue();

        (readRow, readCol).Should().Be((row, col));
        ClientMessageParser.ParseAny(utf8).Message.Should().Be(new DigMessage(row, col));
    }

    [Theory]
    [InlineData("""{"type":"dig","row":1,"col":2,"row":3}""")]
    [InlineData("""{"type":"dig","type":"dig","row":1,"col":2}""")]
    [InlineData("""{"type":"dig","row":1,"col":2,"extra":true}""")]
    [InlineData("""{"type":"dig","row":1}""")]
    [InlineData("""{"type":"dig","row":1.0,"col":2}""")]
    [InlineData("""{"type":"dig","row":1,"col":2e0}""")]
    [InlineData("""{"type":"dig","row":"1","col":2}""")]
    [InlineData("""{"type":"dig","row":null,"col":2}""")]
    [InlineData("""{"type":"dig","row":[1],"col":2}""")]
    [InlineData("""{"type":"Dig","row":1,"col":2}""")]
    [InlineData("""{"type":"dig","row":1,"col":2} {}""")]
    [InlineData("""{"type":"dig","row":1,"col":2}x""")]
    [InlineData("""{"type":"dig","row":1,"col":2,}""")]
    [InlineData("""{"type":"dig","row":1,"col":2""")]
    [InlineData("""[{"type":"dig","row":1,"col":2}]""")]
    [InlineData("")]
    public void Leaves_anything_else_to_the_general_parser(string json)
    {
        PlainDig.TryRead(Encoding.UTF8.GetBytes(json), out _, out _).Should().BeFalse();
    }

    [Fact]
    public void Never_takes_a_mangled_dig_the_general_parser_reads_differently()
    {
        // Random edits of a dig: whatever the reader takes, the general parser must read the same.
        var random = new Random(20261202);
        var original = Encoding.UTF8.GetBytes("""{"type":"dig","row":12,"col":7}""");
        var alphabet = Encoding.UTF8.GetBytes("""{}[]":,.-+eE0123456789 rowcltypedig\""");
        var taken = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = original.ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(bytes.Count + 1);
                switch (random.Next(3))
                {
                    case 0 when at < bytes.Count: bytes.RemoveAt(at); break;
                    case 1 when at < bytes.Count: bytes[at] = alphabet[random.Next(alphabet.Length)]; break;
                    default: bytes.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                }
            }

            var mangled = bytes.ToArray();
            if (PlainDig.TryRead(mangled, out var row, out var col))
            {
                taken++;
                ClientMessageParser.ParseAny(mangled).Message.Should().Be(new DigMessage(row, col), Encoding.UTF8.GetString(mangled));
            }
        }

        // Some edits (a digit changed, a space added) leave a plain dig: the check above has run.
        taken.Should().BeGreaterThan(100);
    }
}
