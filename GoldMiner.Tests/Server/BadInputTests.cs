using System.Net.WebSockets;
using System.Text;
using GoldMiner.Tests.Server.Support;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server;

/// <summary>
/// Whatever one client sends, the sender gets an error (or, for the fatal kinds, a close) and the
/// sender's game and a game in another room go on untouched. Alice of <see cref="game"/> is the sender.
/// Every test has the same arrangement (both games started, one dig made in the other), so it lives in
/// <see cref="InitializeAsync"/> and the tests show only act and assert.
/// </summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private const int MaxMessageBytes = 4096;
    private const int Strikes = 10;

    // Low enough that a flood is refused at once; high enough for every other test's handful of messages.
    private readonly GoldMinerServer server = new(new Dictionary<string, string?>
    {
        ["GoldMiner:Limits:MessagesPerSecond"] = "5",
        ["GoldMiner:Limits:MessageBurst"] = "10",
        ["GoldMiner:Limits:RateLimitStrikes"] = $"{Strikes}",
        ["GoldMiner:Limits:MaxMessageBytes"] = $"{MaxMessageBytes}",
    });

    private StartedGame game = null!;
    private StartedGame otherGame = null!;

    public async Task InitializeAsync()
    {
        game = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);
        otherGame = await StartedGame.StartAsync(server, 9, 9, 10, watched: false);
        await otherGame.Driver.DigOnceAsync();
        await game.DrainAsync();
    }

    public async Task DisposeAsync()
    {
        await game.DisposeAsync();
        await otherGame.DisposeAsync();
        server.Dispose();
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"type":"ping" """)]
    [InlineData("""{"type":"ping"}{"type":"ping"}""")]
    [InlineData("""{"type":"ping"} trailing""")]
    [InlineData("""{"type":"ping","x":"\uZZZZ"}""")]
    public async Task NotJson_IsBadMessageAndHarmsNothing(string text)
    {
        await game.Alice.SendTextAsync(text);
        var code = await game.Alice.ExpectErrorAsync();

        code.Should().Be("badMessage");
        await ShouldHaveHarmedNothingAsync();
    }

    // JSON is RFC 8259: no unquoted names, single quotes, trailing commas, comments or JavaScript literals.
    [Theory]
    [InlineData("""{type:"ping"}""")]
    [InlineData("""{'type':'ping'}""")]
    [InlineData("""{"type":"ping",}""")]
    [InlineData("""{"type":"ping"/* hi */}""")]
    [InlineData("""{"type":"ping","x":NaN}""")]
    [InlineData("""{"type":"ping","x":undefined}""")]
    [InlineData("""{"type":"ping","x":new Date(0)}""")]
    public async Task JavaScriptLikeButNotJson_IsBadMessageAndHarmsNothing(string text)
    {
        await game.Alice.SendTextAsync(text);
        var reply = await game.Alice.NextAsync();

        reply.Value<string>("code").Should().Be("badMessage", $"{text} is not JSON, yet the server answered {reply.ToString(Newtonsoft.Json.Formatting.None)}");
        await ShouldHaveHarmedNothingAsync();
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[{"type":"ping"}]""")]
    [InlineData("42")]
    [InlineData("\"ping\"")]
    [InlineData("null")]
    [InlineData("true")]
    public async Task JsonThatIsNotAnObject_IsBadMessageAndHarmsNothing(string text)
    {
        await game.Alice.SendTextAsync(text);
        var code = await game.Alice.ExpectErrorAsync();

        code.Should().Be("badMessage");
        await ShouldHaveHarmedNothingAsync();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"type":null}""")]
    [InlineData("""{"type":1}""")]
    [InlineData("""{"type":["ping"]}""")]
    [InlineData("""{"type":{"ping":true}}""")]
    [InlineData("""{"Type":"ping"}""")]
    public async Task TypeMissingOrNotAString_IsBadMessageAndHarmsNothing(string text)
    {
        await game.Alice.SendTextAsync(text);
        var code = await game.Alice.ExpectErrorAsync();

        code.Should().Be("badMessage");
        await ShouldHaveHarmedNothingAsync();
    }

    [Theory]
    [InlineData("""{"type":"dig","row":"0","col":0}""")]
    [InlineData("""{"type":"dig","row":0,"col":1e0}""")]
    [InlineData("""{"type":"dig","row":[0],"col":0}""")]
    [InlineData("""{"type":"dig","row":{},"col":0}""")]
    [InlineData("""{"type":"dig","row":0}""")]
    [InlineData("""{"type":"join","room":5,"name":"Eve"}""")]
    [InlineData("""{"type":"join","room":"abc","name":5}""")]
    [InlineData("""{"type":"join","room":"abc","name":"Eve","token":5}""")]
    [InlineData("""{"type":"join","room":"abc","name":"Eve","spectate":1}""")]
    public async Task FieldOfTheWrongType_IsBadMessageAndHarmsNothing(string text)
    {
        await game.Alice.SendTextAsync(text);
        var code = await game.Alice.ExpectErrorAsync();

        code.Should().Be("badMessage");
        await ShouldHaveHarmedNothingAsync();
    }

    [Theory]
    [InlineData("dance")]
    [InlineData("PING")]
    [InlineData("")]
    [InlineData("dig ")]
    [InlineData("welcome")]
    [InlineData("error")]
    [InlineData("a very long type name that goes on and on and on and on and on and on and on and on")]
    public async Task UnknownType_IsRefusedAndHarmsNothing(string type)
    {
        await game.Alice.SendAsync(new { type, row = 0, col = 0 });
        var code = await game.Alice.ExpectErrorAsync();

        code.Should().Be("unknownType");
        await ShouldHaveHarmedNothingAsync();
    }

    [Theory]
    [InlineData(20)]
    [InlineData(2000)]
    public async Task DeeplyNestedJson_IsBadMessageAndHarmsNothing(int depth)
    {
        var text = $$"""{"type":"ping","x":{{new string('[', depth)}}{{new string(']', depth)}}}""";

        await game.Alice.SendTextAsync(text);
        var code = await game.Alice.ExpectErrorAsync();

        code.Should().Be("badMessage");
        await ShouldHaveHarmedNothingAsync();
    }

    [Fact]
    public async Task MessageOfExactlyTheLimit_IsAccepted()
    {
        var text = Padded("""{"type":"ping","pad":"}""", "\"}", MaxMessageBytes);

        await game.Alice.SendTextAsync(text);
        var reply = await game.Alice.NextAsync();

        reply.Value<string>("type").Should().Be("pong");
        await ShouldHaveHarmedNothingAsync();
    }

    [Fact]
    public async Task MessageOverTheLimit_ClosesTheSenderWith1009()
    {
        var text = Padded("""{"type":"ping","pad":"}""", "\"}", MaxMessageBytes + 1);

        await game.Alice.SendTextAsync(text);
        var status = await game.Alice.WaitForCloseAsync();

        status.Should().Be(WebSocketCloseStatus.MessageTooBig);
        await ShouldHaveDroppedOnlyTheSenderAsync();
    }

    [Fact]
    public async Task BinaryFrame_ClosesTheSenderWith1003()
    {
        await game.Alice.SendRawAsync(Encoding.UTF8.GetBytes("""{"type":"ping"}"""), WebSocketMessageType.Binary);
        var status = await game.Alice.WaitForCloseAsync();

        status.Should().Be(WebSocketCloseStatus.InvalidMessageType);
        await ShouldHaveDroppedOnlyTheSenderAsync();
    }

    [Fact]
    public async Task InvalidUtf8InATextFrame_FailsTheSenderWith1007()
    {
        byte[] text = [.. Encoding.UTF8.GetBytes("{\"type\":\"ping\",\"x\":\""), 0xFF, 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")];

        await game.Alice.SendRawAsync(text, WebSocketMessageType.Text);
        var status = await game.Alice.WaitForCloseAsync();

        // RFC 6455 section 8.1: a text frame that is not UTF-8 fails the connection with 1007.
        status.Should().Be(WebSocketCloseStatus.InvalidPayloadData);
        await ShouldHaveDroppedOnlyTheSenderAsync();
    }

    [Fact]
    public async Task Flood_IsRateLimitedThenClosedWith1008()
    {
        var seen = game.Alice.Received.Count;

        for (var i = 0; i < 3 * Strikes; i++)
        {
            await game.Alice.SendAsync(new { type = "ping" });
        }

        var status = await game.Alice.WaitForCloseAsync();

        status.Should().Be(WebSocketCloseStatus.PolicyViolation);
        var replies = game.Alice.Received.Skip(seen).ToList();
        replies.Should().Contain(m => IsPong(m), "the burst is answered before the limit bites")
            .And.OnlyContain(m => IsPong(m) || m.Value<string>("code") == "rateLimited");
        replies.TakeLast(Strikes - 1).Should().OnlyContain(m => m.Value<string>("code") == "rateLimited", "each refusal in a row but the last gets an error, the last one the close");
        await ShouldHaveDroppedOnlyTheSenderAsync();
    }

    private static bool IsPong(JObject message) => message.Value<string>("type") == "pong";

    /// <summary>Pads <paramref name="head"/> + x... + <paramref name="tail"/> to exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string Padded(string head, string tail, int bytes) =>
        head + new string('x', bytes - Encoding.UTF8.GetByteCount(head + tail)) + tail;

    /// <summary>The sender can go on (a ping is answered and nothing else came), and both games play on as if nothing happened.</summary>
    private async Task ShouldHaveHarmedNothingAsync()
    {
        (await game.Alice.MessagesBeforePongAsync()).Should().BeEmpty("the sender's connection stays usable and got one reply only");
        (await game.Bob.MessagesBeforePongAsync()).Should().BeEmpty("the error goes to the sender only");
        await game.DigsOnAsIfNothingHappenedAsync();
        await otherGame.ShouldBeUntouchedAsync();
    }

    /// <summary>The sender's partner sees only that the sender went offline; the game in the other room sees nothing.</summary>
    private async Task ShouldHaveDroppedOnlyTheSenderAsync()
    {
        var offline = await game.Bob.NextAsync();
        offline.Should().Match<JObject>(m => m.Value<string>("type") == "playerOffline" && m.Value<int>("seat") == 0);
        (await game.Bob.MessagesBeforePongAsync()).Should().BeEmpty();
        await otherGame.ShouldBeUntouchedAsync();
    }
}
