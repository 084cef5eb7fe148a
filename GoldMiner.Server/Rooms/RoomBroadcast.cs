using System.Buffers;
using GoldMiner.Core;
using GoldMiner.Server.Connections;

namespace GoldMiner.Server.Rooms;

/// <summary>
/// What one change tells whom, sent once the change is durable: the joiner's welcome first, if any,
/// then each message to every member of the room as it was when the change was made.
/// </summary>
/// <remarks>
/// Handed to the journal as the state of the static <see cref="Send"/>: one object per change
/// instead of a closure and a delegate (docs/performance.md, round 6). The messages and the welcome
/// are in pooled buffers that this broadcast owns: a connection copies what it sends, so they go
/// back to the pool as soon as every member has been handed them (rounds 10 and 11). The journal
/// runs <see cref="Send"/> at most once; a change that is never sent leaves its buffers to the
/// collector, which is safe. A change has one or two messages, held in the broadcast itself rather
/// than in an array of their own (round 12).
/// </remarks>
internal sealed class RoomBroadcast(ClientConnection[] audience, InlineList<ArraySegment<byte>> messages, ClientConnection? joiner, ArraySegment<byte> welcome)
{
    public static readonly Action<object?> Send = static broadcast => ((RoomBroadcast)broadcast!).SendAll();

    private void SendAll()
    {
        try
        {
            joiner?.Send(welcome.AsSpan());

            foreach (var message in messages)
            {
                foreach (var member in audience)
                {
                    member.Send(message.AsSpan());
                }
            }
        }
        finally
        {
            foreach (var message in messages)
            {
                ArrayPool<byte>.Shared.Return(message.Array!);
            }

            if (welcome.Array is { } pooled)
            {
                ArrayPool<byte>.Shared.Return(pooled);
            }
        }
    }
}
