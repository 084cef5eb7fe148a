using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server.Support;

/// <summary>
/// A room with both seats taken and the game under way, Alice (seat 0, to dig first) and Bob
/// (seat 1) on real sockets, optionally with a spectator, that can prove nothing happened to it:
/// the game a test sends bad requests into, or the game in another room that must notice nothing.
/// The checks look at the two players only.
/// </summary>
public sealed class StartedGame : IAsyncDisposable
{
    private readonly GoldMinerServer server;
    private readonly TestClient? watcher;
    private readonly JObject? watcherWelcome;

    private StartedGame(GoldMinerServer server, string room, int rows, int cols, (TestClient Client, JObject Welcome) alice, (TestClient Client, JObject Welcome) bob, (TestClient Client, JObject Welcome)? watcher)
    {
        this.server = server;
        Room = room;
        Rows = rows;
        Cols = cols;
        (Alice, AliceWelcome) = alice;
        (Bob, BobWelcome) = bob;
        (this.watcher, watcherWelcome) = watcher is { } w ? (w.Client, w.Welcome) : (null, null);
        Driver = new GameDriver(Alice, Bob, rows, cols);
    }

    public string Room { get; }

    public int Rows { get; }

    public int Cols { get; }

    public TestClient Alice { get; }

    public TestClient Bob { get; }

    public TestClient Watcher => watcher ?? throw new InvalidOperationException("This game was started without a spectator.");

    public JObject AliceWelcome { get; }

    public JObject BobWelcome { get; }

    public JObject WatcherWelcome => watcherWelcome ?? throw new InvalidOperationException("This game was started without a spectator.");

    public GameDriver Driver { get; }

    /// <summary>The highest seq either player has received.</summary>
    public long LastSeq => Alice.Events.Concat(Bob.Events).Select(e => e.Value<long>("seq")).DefaultIfEmpty(0).Max();

    /// <summary>Every error either player has received.</summary>
    public IEnumerable<JObject> Errors => Alice.Received.Concat(Bob.Received).Where(m => m.Value<string>("type") == "error");

    /// <summary>Creates a room, seats Alice and Bob (and a spectator if asked) and waits until both players know the game has started.</summary>
    public static async Task<StartedGame> StartAsync(GoldMinerServer server, int rows = 6, int cols = 6, int gold = 5, bool watched = true)
    {
        var room = await server.CreateRoomAsync(new { rows, cols, gold });
        var alice = await server.ConnectAsync();
        var bob = await server.ConnectAsync();
        var aliceWelcome = await alice.JoinAsync(room, "Alice");
        var bobWelcome = await bob.JoinAsync(room, "Bob");
        (TestClient, JObject)? spectator = null;
        if (watched)
        {
            var client = await server.ConnectAsync();
            spectator = (client, await client.JoinAsync(room, "Watcher", spectate: true));
        }

        await alice.WaitForAsync("gameStarted");
        await bob.WaitForAsync("gameStarted");
        return new StartedGame(server, room, rows, cols, (alice, aliceWelcome), (bob, bobWelcome), spectator);
    }

    /// <summary>The room as the lobby shows it, as raw JSON text (compare two to prove nothing moved).</summary>
    public Task<string> SummaryAsync() => server.Http.GetStringAsync($"/api/rooms/{Room}");

    /// <summary>Reads both players' messages up to a ping barrier and returns them all.</summary>
    public async Task<IReadOnlyList<JObject>> DrainAsync()
    {
        var alice = await Alice.MessagesBeforePongAsync();
        var bob = await Bob.MessagesBeforePongAsync();
        return [.. alice, .. bob];
    }

    /// <summary>Reads everything both players were sent so far and returns the room's lobby summary.</summary>
    public async Task<string> SettleAsync()
    {
        await DrainAsync();
        return await SummaryAsync();
    }

    /// <summary>
    /// After a refusal: nobody else heard of it, the lobby shows the room as <paramref name="summary"/>
    /// (taken by <see cref="SettleAsync"/>), and play goes on from the same seq and turn.
    /// </summary>
    public async Task<JObject> ShouldHaveChangedNothingAsync(string summary)
    {
        (await DrainAsync()).Should().BeEmpty("a refused request is told to its sender only");
        (await SummaryAsync()).Should().Be(summary);
        return await DigsOnAsIfNothingHappenedAsync();
    }

    /// <summary>
    /// The player in turn digs once more, and the game shows no trace of anything else: the dig is the
    /// very next event, and both players saw the same events in the same order without gaps.
    /// </summary>
    public async Task<JObject> DigsOnAsIfNothingHappenedAsync()
    {
        await DrainAsync();
        var last = LastSeq;
        var by = Driver.Turn;

        var dug = await Driver.DigOnceAsync();
        await DrainAsync();

        dug.Value<long>("seq").Should().Be(last + 1, "no event was spent on anything else");
        dug.Value<int>("by").Should().Be(by, "the turn had not moved");
        EventChecks.SameEventsInSameOrder((Alice, AliceWelcome), (Bob, BobWelcome));
        return dug;
    }

    /// <summary>For a game that must not have noticed another room's trouble: no error, and play goes on.</summary>
    public async Task ShouldBeUntouchedAsync()
    {
        await DigsOnAsIfNothingHappenedAsync();
        Errors.Should().BeEmpty("nothing this game's players did was refused");
    }

    public async ValueTask DisposeAsync()
    {
        await Alice.DisposeAsync();
        await Bob.DisposeAsync();
        if (watcher is not null)
        {
            await watcher.DisposeAsync();
        }
    }
}
