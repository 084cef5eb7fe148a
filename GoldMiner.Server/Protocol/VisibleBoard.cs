using GoldMiner.Core;
using Newtonsoft.Json;

namespace GoldMiner.Server.Protocol;

/// <summary>
/// The board as a <c>welcome</c> shows it: on the wire, one array per row with each cell's value,
/// or null while it is hidden.
/// </summary>
/// <remarks>
/// A byte per cell in one array: as an array of nullable numbers per row it was the biggest thing
/// a game allocated, twice per game, once per welcome (docs/performance.md, round 12).
/// </remarks>
[JsonConverter(typeof(RowsConverter))]
public readonly struct VisibleBoard
{
    private const sbyte Hidden = sbyte.MinValue;

    private readonly sbyte[] cells;

    private VisibleBoard(int rows, int cols, sbyte[] cells)
    {
        Rows = rows;
        Cols = cols;
        this.cells = cells;
    }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>The value of (row, col), or null while it is hidden.</summary>
    public int? this[int row, int col] => cells[(row * Cols) + col] is var value && value != Hidden ? value : null;

    /// <summary>What <paramref name="game"/> shows now: the dug cells, or once it is over, every cell (nothing is secret then).</summary>
    public static VisibleBoard Of(Game game)
    {
        var board = game.Board;
        var finished = game.Status == GameStatus.Finished;
        var cells = new sbyte[board.Rows * board.Cols];
        for (var row = 0; row < board.Rows; row++)
        {
            for (var col = 0; col < board.Cols; col++)
            {
                cells[(row * board.Cols) + col] = Encode(finished ? board[row, col] : game.VisibleValue(row, col));
            }
        }

        return new VisibleBoard(board.Rows, board.Cols, cells);
    }

    /// <summary>A board given row by row, null for a hidden cell (tests and benchmarks state one this way).</summary>
    public static VisibleBoard FromRows(int?[][] rows)
    {
        var cols = rows.Length == 0 ? 0 : rows[0].Length;
        var cells = new sbyte[rows.Length * cols];
        for (var row = 0; row < rows.Length; row++)
        {
            for (var col = 0; col < cols; col++)
            {
                cells[(row * cols) + col] = Encode(rows[row][col]);
            }
        }

        return new VisibleBoard(rows.Length, cols, cells);
    }

    private static sbyte Encode(int? value) => value is { } shown ? checked((sbyte)shown) : Hidden;

    /// <summary>Writes the rows for <see cref="WireJson"/>, so the contract record serialises as the wire has it.</summary>
    internal sealed class RowsConverter : JsonConverter<VisibleBoard>
    {
        public override bool CanRead => false;

        public override void WriteJson(JsonWriter writer, VisibleBoard board, JsonSerializer serializer)
        {
            writer.WriteStartArray();
            for (var row = 0; row < board.Rows; row++)
            {
                writer.WriteStartArray();
                for (var col = 0; col < board.Cols; col++)
                {
                    writer.WriteValue(board[row, col]);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        public override VisibleBoard ReadJson(JsonReader reader, Type objectType, VisibleBoard existingValue, bool hasExistingValue, JsonSerializer serializer) =>
            throw new NotSupportedException("A board is only ever written.");
    }
}
