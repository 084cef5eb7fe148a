using System.Text;

namespace GoldMiner.Tests.Server.Support;

/// <summary>
/// A server WebSocket's transport that holds every write until <see cref="Release"/>, like a
/// network that has stopped taking data, and then keeps what was written. It never has anything
/// to read. Lets a test hold a send in flight, which a real socket does only under load.
/// </summary>
public sealed class HeldTransport : Stream
{
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MemoryStream written = new();
    private readonly SemaphoreSlim wrote = new(0);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public void Release() => released.TrySetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await released.Task.WaitAsync(cancellationToken);
        lock (written)
        {
            written.Write(buffer.Span);
        }

        wrote.Release();
    }

    /// <summary>Waits until <paramref name="count"/> text frames have been written, and gives their payloads.</summary>
    public async Task<IReadOnlyList<string>> TextFramesAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var frames = Frames();
            if (frames.Count >= count)
            {
                return frames;
            }

            await wrote.WaitAsync(deadline.Token);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    // Nothing ever arrives from the peer.
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    // A server's frames are unmasked; these tests send short ones (a 7-bit length).
    private List<string> Frames()
    {
        byte[] bytes;
        lock (written)
        {
            bytes = written.ToArray();
        }

        var frames = new List<string>();
        for (var at = 0; at + 2 <= bytes.Length;)
        {
            var length = bytes[at + 1] & 0x7F;
            if (length >= 126 || at + 2 + length > bytes.Length)
            {
                break;
            }

            frames.Add(Encoding.UTF8.GetString(bytes, at + 2, length));
            at += 2 + length;
        }

        return frames;
    }
}
