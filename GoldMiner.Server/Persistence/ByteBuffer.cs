using System.Buffers.Binary;
using System.Text;

namespace GoldMiner.Server.Persistence;

/// <summary>
/// A growable byte array written front to back, and cut back to an earlier length when a write
/// it held is undone (a rolled-back transaction). Reused, so encoding a batch allocates nothing.
/// </summary>
internal sealed class ByteBuffer(int capacity = 256)
{
    private byte[] data = new byte[capacity];

    public int Length { get; private set; }

    public Span<byte> Written => data.AsSpan(0, Length);

    /// <summary>Room for <paramref name="size"/> bytes at the end; <see cref="Advance"/> by what was used.</summary>
    public Span<byte> GetSpan(int size)
    {
        if (Length + size > data.Length)
        {
            Array.Resize(ref data, Math.Max(data.Length * 2, Length + size));
        }

        return data.AsSpan(Length);
    }

    public void Advance(int count) => Length += count;

    public void Truncate(int length) => Length = length;

    public void Clear() => Length = 0;

    public byte[] ToArray() => Written.ToArray();

    public void WriteByte(byte value)
    {
        GetSpan(1)[0] = value;
        Length++;
    }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(GetSpan(8), value);
        Length += 8;
    }

    public void WriteVarint(ulong value)
    {
        var span = GetSpan(10);
        var i = 0;
        for (; value >= 0x80; value >>= 7)
        {
            span[i++] = (byte)(value | 0x80);
        }

        span[i++] = (byte)value;
        Length += i;
    }

    /// <summary>A number that may be absent: 0 for null, the value plus one otherwise (values are never negative).</summary>
    public void WriteOptional(int? value) => WriteVarint(value is { } v ? (ulong)v + 1 : 0);

    /// <summary>UTF-8 with its length first; null and empty are told apart.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteVarint(0);
            return;
        }

        var count = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)count + 1);
        Length += Encoding.UTF8.GetBytes(value, GetSpan(count));
    }

    public void WriteBytes(byte[]? value)
    {
        if (value is null)
        {
            WriteVarint(0);
            return;
        }

        WriteVarint((ulong)value.Length + 1);
        value.CopyTo(GetSpan(value.Length));
        Length += value.Length;
    }
}

/// <summary>Reads what <see cref="ByteBuffer"/> wrote; anything short or malformed is <see cref="InvalidDataException"/>.</summary>
internal ref struct ByteReader(ReadOnlySpan<byte> data)
{
    private ReadOnlySpan<byte> rest = data;

    public readonly bool IsEmpty => rest.IsEmpty;

    public byte ReadByte()
    {
        var value = Take(1)[0];
        return value;
    }

    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("A number runs past 64 bits.");
    }

    public int ReadInt32() => checked((int)ReadVarint());

    public int? ReadOptional() => ReadVarint() is var v and not 0 ? checked((int)(v - 1)) : null;

    public string? ReadString() => ReadVarint() is var n and not 0 ? Encoding.UTF8.GetString(Take(checked((int)(n - 1)))) : null;

    public byte[]? ReadBytes() => ReadVarint() is var n and not 0 ? Take(checked((int)(n - 1))).ToArray() : null;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > rest.Length)
        {
            throw new InvalidDataException("The data ends in the middle of a record.");
        }

        var taken = rest[..count];
        rest = rest[count..];
        return taken;
    }
}
