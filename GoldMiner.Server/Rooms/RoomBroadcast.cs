using GoldMiner.Server.Connections;

namespace GoldMiner.Server.Rooms;

/// <summary>
/// What one change tells whom, sent once the change is durable: the joiner's welcome first, if any,
/// then each message to every member of the room as it was when the change was made.
/// </summary>
/// <remarks>
/// Handed to the journal as the state of the static <see cref="Send"/>: one object per change
/// instead of a closure and a delegate (docs/performance.md, round 6).
/// </remarks>
internal sealed class RoomBroadcast(ClientConnection[] audience, byte[][] messages, ClientConnection? joiner, byte[]? welcome)
{
    public static readonly Action<object?> Send = static broadcast => ((RoomBroadcast)broadcast!).SendAll();

    private void SendAll()
    {
        if (joiner is not null)
        {
            joiner.Send(welcome!);
        }

        foreach (var message in messages)
        {
            foreach (var member in audience)
            {
                member.Send(message);
            }
        }
    }
}
