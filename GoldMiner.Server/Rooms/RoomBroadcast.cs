using System.Buffers;
using GoldMiner.Core;
using GoldMiner.Server.Connections;
using Microsoft.Extensions.ObjectPool;

namespace GoldMiner.Server.Rooms;

/// <summary>
/// What one change tells whom, sent once the change is durable: the joiner's welcome first, if any,
/// then each message to every member of the room as it was when the change was made.
/// </summary>
/// <remarks>
/// Handed to the journal as the state of the static <see cref="Send"/>: one object per change
/// instead of a closure and a delegate (docs/performance.md, round 6), and that one pooled, since
/// it lives only from the room's lock to the commit (round 12). The messages and the welcome are in
/// pooled buffers that this broadcast owns: a connection copies what it sends, so they go back to
/// the pool as soon as every member has been handed them (rounds 10 and 11), and the broadcast after
/// them. The journal runs <see cref="Send"/> at most once; a change that is never sent leaves its
/// buffers and broadcast to the collector, which is safe. A change has one or two messages, held in
/// the broadcast itself rather than in an array of their own.
/// </remarks>
internal sealed class RoomBroadcast : IResettable
{
    public static readonly Action<object?> Send = static broadcast => ((RoomBroadcast)broadcast!).SendAll();

    // Enough for every change in flight at once between the rooms' locks and the journal's commits
    // on a busy server; beyond that a broadcast is made and left to the collector.
    private static readonly ObjectPool<RoomBroadcast> Pool = new DefaultObjectPoolProvider { MaximumRetained = 256 }.Create<RoomBroadcast>();

    private ClientConnection[] audience = [];
    private InlineList<ArraySegment<byte>> messages;
    private ClientConnection? joiner;
    private ArraySegment<byte> welcome;

    /// <summary>A broadcast from the pool; the journal's <see cref="Send"/> gives it back.</summary>
    public static RoomBroadcast Rent(ClientConnection[] audience, InlineList<ArraySegment<byte>> messages, ClientConnection? joiner, ArraySegment<byte> welcome)
    {
        var broadcast = Pool.Get();
        broadcast.audience = audience;
        broadcast.messages = messages;
        broadcast.joiner = joiner;
        broadcast.welcome = welcome;
        return broadcast;
    }

    /// <summary>Forgets the change, so a pooled broadcast holds on to no connection or buffer.</summary>
    public bool TryReset()
    {
        audience = [];
        messages = default;
        joiner = null;
        welcome = default;
        return true;
    }

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

            Pool.Return(this);
        }
    }
}
