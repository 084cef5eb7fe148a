using System.Globalization;
using System.Net;
using GoldMiner.Tests.Server.Support;

namespace GoldMiner.Tests.Server;

/// <summary>
/// The cleanup service runs on the server's clock, so these tests move the clock and then ask the
/// lobby again until the change shows (the service runs on another thread once its timer fires).
/// An empty "control" room, removed by the same pass, proves that a pass has run when the
/// subject of the test must stay.
/// </summary>
public sealed class CleanupTests : IDisposable
{
    private const int IntervalSeconds = 10;
    private const int EmptyRoomSeconds = 50;
    private const int FinishedRoomSeconds = 100;

    private readonly GoldMinerServer server = new(new Dictionary<string, string?>
    {
        ["GoldMiner:CleanupIntervalSeconds"] = IntervalSeconds.ToString(CultureInfo.InvariantCulture),
        ["GoldMiner:EmptyRoomSeconds"] = EmptyRoomSeconds.ToString(CultureInfo.InvariantCulture),
        ["GoldMiner:FinishedRoomSeconds"] = FinishedRoomSeconds.ToString(CultureInfo.InvariantCulture),
    });

    public void Dispose() => server.Dispose();

    [Fact]
    public async Task FinishedRoom_LeavesTheLobbyAfterFinishedRoomSeconds()
    {
        await using var game = await StartedGame.StartAsync(server, rows: 5, cols: 5, gold: 3);
        await game.Driver.PlayToEndAsync();
        var control = await server.CreateRoomAsync();

        server.Clock.Advance(TimeSpan.FromSeconds(EmptyRoomSeconds + IntervalSeconds));
        var whileKept = await server.WaitForRoomsAsync(ids => !ids.Contains(control));
        server.Clock.Advance(TimeSpan.FromSeconds(FinishedRoomSeconds - EmptyRoomSeconds));
        var afterwards = await server.WaitForRoomsAsync(ids => !ids.Contains(game.Room));

        whileKept.Should().Contain(game.Room, "a finished room stays for FinishedRoomSeconds");
        afterwards.Should().BeEmpty();
        (await server.Http.GetAsync($"/api/rooms/{game.Room}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RoomNobodyJoined_IsRemovedAfterEmptyRoomSeconds()
    {
        var room = await server.CreateRoomAsync();
        await using var late = await server.ConnectAsync();

        server.Clock.Advance(TimeSpan.FromSeconds(EmptyRoomSeconds + IntervalSeconds));
        var remaining = await server.WaitForRoomsAsync(ids => !ids.Contains(room));

        remaining.Should().BeEmpty();
        await late.SendAsync(new { type = "join", room, name = "Late" });
        (await late.ExpectErrorAsync()).Should().Be("noSuchRoom");
    }

    [Fact]
    public async Task RoomWithAConnectedPlayer_Stays()
    {
        var waiting = await server.CreateRoomAsync();
        await using var alone = await server.ConnectAsync();
        await alone.JoinAsync(waiting, "Alone");
        await alone.WaitForAsync("playerJoined");
        await using var game = await StartedGame.StartAsync(server);
        var control = await server.CreateRoomAsync();

        server.Clock.Advance(TimeSpan.FromSeconds((EmptyRoomSeconds * 3) + IntervalSeconds));
        var remaining = await server.WaitForRoomsAsync(ids => !ids.Contains(control));

        remaining.Should().BeEquivalentTo([waiting, game.Room]);
        (await alone.MessagesBeforePongAsync()).Types().Should().BeEmpty();
        (await game.Driver.DigOnceAsync()).Value<string>("type").Should().Be("dug");
    }
}
