using System.Buffers;
using BenchmarkDotNet.Attributes;
using GoldMiner.Core;
using GoldMiner.Server.Protocol;

namespace GoldMiner.Benchmarks;

/// <summary>
/// A <c>welcome</c>, the biggest message a room sends (twice per game, once per reconnect), to UTF-8:
/// through Newtonsoft as before and through the hand-written <see cref="WelcomeJson"/>, on a 9 x 9
/// board half dug and on a 30 x 30 one.
/// </summary>
[MemoryDiagnoser]
public class WelcomeBenchmarks
{
    private WelcomeMessage welcome = null!;

    [Params(9, 30)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // A game half played by two random players, as a reconnecting player finds it.
        var game = new Game(new GameOptions(Size, Size, Size * Size / 8), seed: 3);
        game.Join("Alice");
        game.Join("Bob");
        var random = new Random(1);
        for (var digs = 0; digs < Size * Size / 4 && game.Status == GameStatus.Playing;)
        {
            var cell = random.Next(Size * Size);
            digs += game.Dig(game.Turn!.Value, cell / Size, cell % Size).Rejection is null ? 1 : 0;
        }

        PlayerInfo[] players = [new(0, "Alice", game.Scores[0], true), new(1, "Bob", game.Scores[1], true)];
        var state = new RoomState(
            "k3tq9wzm", "Friday night", "classic", "playing", Size, Size, game.Board.GoldCount, game.GoldLeft, game.Turn, 42,
            players, VisibleBoard.Of(game), game.Found.ToArray(), 1, new LastDig(0, 0, 1), null, null);
        welcome = new WelcomeMessage("k3tq9wzm", 0, "q0vX3f8KcY2mA6nW1bT9sg", state);
    }

    [Benchmark(Baseline = true, Description = "Newtonsoft (WireJson.SerializeToUtf8)")]
    public byte[] Newtonsoft() => WireJson.SerializeToUtf8(welcome);

    // Into a pooled buffer, given back at once as the room does once the joiner has its copy.
    [Benchmark(Description = "Utf8JsonWriter (WelcomeJson.ToUtf8)")]
    public int Utf8()
    {
        var utf8 = WelcomeJson.ToUtf8(welcome);
        ArrayPool<byte>.Shared.Return(utf8.Array!);
        return utf8.Count;
    }
}
