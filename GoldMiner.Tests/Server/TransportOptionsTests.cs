using GoldMiner.Tests.Server.Support;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GoldMiner.Tests.Server;

/// <summary>Kestrel's socket transport is configured like the rest of the server, and a game plays the same either way.</summary>
public sealed class TransportOptionsTests
{
    [Fact]
    public async Task KestrelSocketsSection_ReachesTheTransport_AndInlineSchedulingPlaysTheSame()
    {
        using var server = new GoldMinerServer(new Dictionary<string, string?>
        {
            ["Kestrel:Sockets:UnsafePreferInlineScheduling"] = "true",
            ["Kestrel:Sockets:IOQueueCount"] = "1",
        });

        var transport = server.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value;

        transport.UnsafePreferInlineScheduling.Should().BeTrue();
        transport.IOQueueCount.Should().Be(1);
        await using var game = await StartedGame.StartAsync(server);
        var gameOver = await game.Driver.PlayToEndAsync();
        await game.DrainAsync();

        EventChecks.SameEventsInSameOrder((game.Alice, game.AliceWelcome), (game.Bob, game.BobWelcome));
        EventChecks.ConsistentWithFinalBoard(game.Alice.Events, gameOver);
        game.Errors.Should().BeEmpty();
    }
}
