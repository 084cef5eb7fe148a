namespace GoldMiner.LoadTest.Play;

/// <summary>One slot of a play run's load: its sockets, opened first, then driven until the run stops.</summary>
public interface IRoomDriver : IAsyncDisposable
{
    bool Connected { get; }

    /// <summary>Opens the slot's sockets; false (with the failure counted) when one could not be opened.</summary>
    Task<bool> ConnectAsync(CancellationToken cancellation);

    /// <summary>Drives the slot until <paramref name="stop"/>.</summary>
    Task RunAsync(CancellationToken stop);
}
