using GoldMiner.Server.Configuration;
using Microsoft.Extensions.Options;

namespace GoldMiner.Server.Rooms;

/// <summary>Takes finished and abandoned rooms out of the lobby, on the configured interval.</summary>
public sealed class RoomCleanupService(RoomRegistry rooms, TimeProvider time, IOptions<GoldMinerOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CleanupIntervalSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                rooms.RemoveExpired();
            }
        }
        catch (OperationCanceledException)
        {
            // The host is stopping: that is the normal way out.
        }
    }
}
