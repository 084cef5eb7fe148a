using GoldMiner.Server.Logging;
using GoldMiner.Server.Rooms;

namespace GoldMiner.Server.Persistence;

/// <summary>
/// Start-up: open the store, rebuild every unfinished room from the journal, then start journaling.
/// It runs in <see cref="StartingAsync"/>, before any hosted service starts (the web server
/// included), so no request ever meets a half-recovered lobby.
/// </summary>
public sealed class RoomRecovery(IGameStore store, RoomRegistry rooms, GameJournal journal, ILogger<RoomRecovery> logger)
    : IHostedLifecycleService
{
    /// <exception cref="GameStoreUnavailableException">The store cannot be opened or read.</exception>
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.InitializeAsync(cancellationToken);
            var open = await store.LoadOpenRoomsAsync(cancellationToken);
            rooms.Restore(open);
            Log.RoomsRecovered(logger, open.Count);
        }
        catch (Exception e) when (e is not OperationCanceledException and not GameStoreUnavailableException)
        {
            throw new GameStoreUnavailableException($"The game journal cannot be read: {e.Message}", e);
        }

        journal.Start();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
