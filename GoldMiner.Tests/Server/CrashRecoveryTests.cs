using System.Net.WebSockets;
using GoldMiner.Tests.Server.Support;
using Newtonsoft.Json.Linq;

namespace GoldMiner.Tests.Server;

/// <summary>The server process dies or stops in the middle of games; nothing a player did may be lost.</summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task SigKill_MidGame_EveryAcknowledgedDigSurvivesAndEveryGameFinishes()
    {
        var games = new List<PlayedGame>();
        await using (var doomed = await ServerProcess.StartReadyAsync(database.Path))
        {
            // Fewer digs than it takes to end each game (all 6 gold in classic, 4 of them in flags,
            // where finding gold keeps the turn), so all three are still open when the server dies.
            foreach (var (rules, digs) in new[] { ("classic", 3), ("flags", 3), ("classic", 5) })
            {
                games.Add(await PlayedGame.StartAsync(doomed, rules, digs));
            }

            await doomed.KillHardAsync();
        }

        await using var restarted = await ServerProcess.StartReadyAsync(database.Path);
        var lobby = JArray.Parse(await restarted.Http.GetStringAsync("/api/rooms"));

        lobby.Select(r => r.Value<string>("id")).Should().BeEquivalentTo(games.Select(g => g.Room));
        lobby.Should().OnlyContain(r => r.Value<string>("status") == "playing");
        lobby.SelectMany(r => r["players"]!).Should().OnlyContain(p => !p.Value<bool>("online"), "nobody has reconnected yet");
        foreach (var game in games)
        {
            await game.ResumeAndFinishAsync(restarted);
        }
    }

    [Fact]
    public async Task SigKill_RightAfterADigIsSent_TheDigIsEitherWhollyThereOrNotAtAll()
    {
        PlayedGame game;
        await using (var doomed = await ServerProcess.StartReadyAsync(database.Path))
        {
            game = await PlayedGame.StartAsync(doomed, "classic", 2);
            await game.SendUnacknowledgedDigAsync();
            await doomed.KillHardAsync();
        }

        await using var restarted = await ServerProcess.StartReadyAsync(database.Path);

        await game.ResumeAndFinishAsync(restarted);
    }

    [Fact]
    public async Task SigTerm_ClosesSocketsWith1001_FlushesTheJournal_AndExitsCleanly()
    {
        var server = await ServerProcess.StartReadyAsync(database.Path);
        var game = await PlayedGame.StartAsync(server, "classic", 4);
        await using var watcher = await server.ConnectAsync();
        await watcher.JoinAsync(game.Room, spectate: true);

        server.Terminate();

        (await game.Seat0.WaitForCloseAsync()).Should().Be(WebSocketCloseStatus.EndpointUnavailable);
        (await game.Seat1.WaitForCloseAsync()).Should().Be(WebSocketCloseStatus.EndpointUnavailable);
        (await watcher.WaitForCloseAsync()).Should().Be(WebSocketCloseStatus.EndpointUnavailable);
        (await server.WaitForExitAsync()).Should().Be(0);
        await server.DisposeAsync();

        // Both players went offline while the server stopped (2 events, journaled on the way out);
        // the state Ann gets back also holds her own playerOnline.
        await using var restarted = await ServerProcess.StartReadyAsync(database.Path);
        var state = await game.ResumeAndFinishAsync(restarted);
        state.Value<long>("seq").Should().Be(game.LastAcknowledgedSeq + 3);
    }
}
