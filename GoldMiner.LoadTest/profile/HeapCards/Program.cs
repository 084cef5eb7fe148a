using System.Runtime.InteropServices;
using Microsoft.Diagnostics.Runtime;

// What a gen-0 collection of this heap would have to look at, from a dump (dotnet-dump collect --type Heap).
// Young is gen 0; old is everything else (gen 1, gen 2, large, pinned):
//   1. old objects holding references to young ones, by field;
//   2. the set cards in old objects, by the object each card starts in: every one is scanned;
//   3. the young objects still reachable, by type: what the collection would keep and copy.
// Usage: dotnet run -c Release -- DUMP [libmscordaccore.so of the dumped runtime; default: this one's]
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: HeapCards DUMP [DAC]");
    return 2;
}

var dac = args.Length > 1 ? args[1] : Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "libmscordaccore.so");
using var target = DataTarget.LoadDump(args[0]);
var heap = target.ClrVersions[0].CreateRuntime(dac, ignoreMismatch: true).Heap;
var cards = new CardTable(target.DataReader, heap.SubHeaps[0].CardTable); // one card table for all sub-heaps

var holders = new Tally();
var cardOwners = new Tally();
var scanned = new HashSet<ulong>();
long oldObjects = 0;
foreach (var segment in heap.Segments)
{
    foreach (var obj in segment.EnumerateObjects())
    {
        if (!obj.IsValid || obj.Type is null || !IsOld(segment.GetGeneration(obj.Address)))
        {
            continue;
        }

        oldObjects++;
        for (var card = CardTable.Of(obj.Address); card <= CardTable.Of(obj.Address + obj.Size - 1); card++)
        {
            if (cards.IsSet(card) && scanned.Add(card))
            {
                cardOwners.Add(obj.Type.Name);
            }
        }

        foreach (var reference in obj.EnumerateReferencesWithFields(carefully: false, considerDependantHandles: false))
        {
            if (IsYoung(heap, reference.Object.Address))
            {
                var field = reference.IsField ? reference.Field?.Name : reference.IsArrayElement ? "[]" : "(dependent)";
                holders.Add($"{obj.Type.Name}.{field} -> {reference.Object.Type?.Name}");
            }
        }
    }
}

Console.WriteLine($"{oldObjects:N0} old objects; {holders.Total:N0} references from them to young objects; {cardOwners.Total:N0} set cards");
holders.Print("old objects holding young ones, by field", 25);
cardOwners.Print("set cards, by the old object each starts in", 40);
var (reachable, bytes) = YoungReachable(heap);
reachable.Print($"young objects still reachable ({reachable.Total:N0}, {bytes / 1048576.0:F1} MB), by type", 25);
return 0;

static bool IsOld(Generation generation) =>
    generation is Generation.Generation1 or Generation.Generation2 or Generation.Large or Generation.Pinned;

static bool IsYoung(ClrHeap heap, ulong address) =>
    heap.GetSegmentByAddress(address)?.GetGeneration(address) == Generation.Generation0;

static (Tally Types, long Bytes) YoungReachable(ClrHeap heap)
{
    var types = new Tally();
    long bytes = 0;
    var seen = new HashSet<ulong>();
    var pending = new Stack<ulong>();
    foreach (var root in heap.EnumerateRoots())
    {
        if (root.Object.Address != 0 && seen.Add(root.Object.Address))
        {
            pending.Push(root.Object.Address);
        }
    }

    while (pending.TryPop(out var address))
    {
        var obj = heap.GetObject(address);
        if (!obj.IsValid || obj.Type is null)
        {
            continue;
        }

        if (IsYoung(heap, address))
        {
            types.Add(obj.Type.Name);
            bytes += (long)obj.Size;
        }

        foreach (var next in obj.EnumerateReferenceAddresses(carefully: false, considerDependantHandles: true))
        {
            if (next != 0 && seen.Add(next))
            {
                pending.Push(next);
            }
        }
    }

    return (types, bytes);
}

/// <summary>The GC's card table as the 64-bit runtime keeps it: a bit per 256 bytes of heap, 32 to a word.</summary>
internal sealed class CardTable(IDataReader memory, ulong table)
{
    private const ulong CardSize = 256;
    private readonly Dictionary<ulong, uint> words = [];

    public static ulong Of(ulong address) => address / CardSize;

    public bool IsSet(ulong card)
    {
        var word = card / 32;
        if (!words.TryGetValue(word, out var bits))
        {
            bits = memory.Read<uint>(table + (word * 4));
            words[word] = bits;
        }

        return (bits & (1u << (int)(card % 32))) != 0;
    }
}

internal sealed class Tally
{
    private readonly Dictionary<string, long> counts = [];

    public long Total { get; private set; }

    public void Add(string? key)
    {
        key ??= "?";
        counts[key] = counts.GetValueOrDefault(key) + 1;
        Total++;
    }

    public void Print(string title, int top)
    {
        Console.WriteLine($"--- {title}");
        foreach (var (key, count) in counts.OrderByDescending(pair => pair.Value).Take(top))
        {
            Console.WriteLine($"{count,9:N0}  {(key.Length > 200 ? key[..200] : key)}");
        }
    }
}
