using GoldMiner.Server.Connections;

namespace GoldMiner.Server.Rooms;

/// <summary>Who holds a seat: the token's hash, the live connection if any, and the timer that ends an absence.</summary>
internal sealed class SeatHolder(byte[] tokenHash, ClientConnection? connection)
{
    public byte[] TokenHash { get; } = tokenHash;

    public ClientConnection? Connection { get; set; } = connection;

    public ITimer? HoldTimer { get; private set; }

    public void StartHold(ITimer timer)
    {
        StopHold();
        HoldTimer = timer;
    }

    public void StopHold()
    {
        HoldTimer?.Dispose();
        HoldTimer = null;
    }
}
