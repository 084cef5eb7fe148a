using System.Text;

namespace GoldMiner.Core;

/// <summary>
/// The hidden truth of a game: every cell's value, -1 for gold, otherwise the number of gold
/// cells among its eight neighbours. Immutable once built.
/// </summary>
public sealed class Board
{
    /// <summary>The value of a gold cell.</summary>
    public const int Gold = -1;

    // A byte per cell (values are -1 to 8): every room holds its board for the whole game.
    private readonly sbyte[] cells;

    private Board(int rows, int cols, sbyte[] cells)
    {
        Rows = rows;
        Cols = cols;
        this.cells = cells;
        GoldCount = cells.Count(v => v == Gold);
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Cols { get; }

    /// <summary>Number of gold cells on the board.</summary>
    public int GoldCount { get; }

    /// <summary>The value of a cell: -1 for gold, otherwise its count of gold neighbours.</summary>
    /// <exception cref="ArgumentOutOfRangeException">(row, col) is not on the board.</exception>
    public int this[int row, int col] => cells[Index(row, col)];

    /// <summary>
    /// Places <paramref name="gold"/> gold cells uniformly at random. The same arguments always give
    /// the same board, on any runtime, which is what lets a stored game be replayed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The options are outside the game's limits.</exception>
    public static Board Generate(int rows, int cols, int gold, long seed)
    {
        var problem = new GameOptions(rows, cols, gold).Validate();
        if (problem is { } p)
        {
            throw new ArgumentOutOfRangeException(p.Field, p.Reason);
        }

        // A partial Fisher-Yates shuffle: the first `gold` positions are a uniform sample. The
        // options are valid, so the scratch space fits on the stack (30 x 30: 4.5 KB): a new board
        // is made per game, and these two arrays were most of what it allocated.
        Span<int> positions = stackalloc int[rows * cols];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = i;
        }

        var random = new SplitMix64((ulong)seed);
        Span<bool> isGold = stackalloc bool[rows * cols];
        for (var i = 0; i < gold; i++)
        {
            var j = i + random.NextBelow(positions.Length - i);
            (positions[i], positions[j]) = (positions[j], positions[i]);
            isGold[positions[i]] = true;
        }

        return FromGold(rows, cols, isGold);
    }

    /// <summary>
    /// Reads a board from text, one line per row (separated by newlines or '/'): 'G' is gold,
    /// '.' or a digit is not. Digits are checked against the computed neighbour count, so a
    /// fixture such as <c>"G1../11../..../...."</c> documents itself.
    /// </summary>
    /// <exception cref="FormatException">The text is not a rectangular board or a digit is wrong.</exception>
    public static Board Parse(string text)
    {
        var lines = text.Split(['\n', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || lines.Any(l => l.Length != lines[0].Length))
        {
            throw new FormatException("A board needs at least one row, and every row the same length.");
        }

        var rows = lines.Length;
        var cols = lines[0].Length;
        var isGold = new bool[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var ch = lines[r][c];
                if (ch is not ('G' or '.' or (>= '0' and <= '8')))
                {
                    throw new FormatException($"Unexpected '{ch}' at row {r}, column {c}.");
                }

                isGold[(r * cols) + c] = ch == 'G';
            }
        }

        var board = FromGold(rows, cols, isGold);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                var ch = lines[r][c];
                if (char.IsAsciiDigit(ch) && ch - '0' != board[r, c])
                {
                    throw new FormatException($"Row {r}, column {c} says {ch} but has {board[r, c]} gold neighbours.");
                }
            }
        }

        return board;
    }

    /// <summary>The position of (row, col) in row-major order, checked: a wrong column must not read the next row.</summary>
    /// <exception cref="ArgumentOutOfRangeException">(row, col) is not on the board.</exception>
    public int Index(int row, int col) => Contains(row, col)
        ? (row * Cols) + col
        : throw new ArgumentOutOfRangeException(nameof(col), $"({row}, {col}) is not on a {Rows} x {Cols} board.");

    /// <summary>True when (row, col) lies on the board.</summary>
    public bool Contains(int row, int col) => row >= 0 && row < Rows && col >= 0 && col < Cols;

    /// <summary>The cells around (row, col) that lie on the board.</summary>
    public IEnumerable<(int Row, int Col)> Neighbours(int row, int col)
    {
        for (var dr = -1; dr <= 1; dr++)
        {
            for (var dc = -1; dc <= 1; dc++)
            {
                if ((dr != 0 || dc != 0) && Contains(row + dr, col + dc))
                {
                    yield return (row + dr, col + dc);
                }
            }
        }
    }

    /// <summary>The board as rows of values, the shape the wire protocol uses.</summary>
    public int[][] ToRows() =>
        Enumerable.Range(0, Rows).Select(r => Enumerable.Range(0, Cols).Select(c => this[r, c]).ToArray()).ToArray();

    /// <summary>The board in the format <see cref="Parse"/> reads, rows separated by '/'.</summary>
    public override string ToString()
    {
        var text = new StringBuilder((Rows * (Cols + 1)) - 1);
        for (var r = 0; r < Rows; r++)
        {
            if (r > 0)
            {
                text.Append('/');
            }

            for (var c = 0; c < Cols; c++)
            {
                text.Append(this[r, c] == Gold ? 'G' : (char)('0' + this[r, c]));
            }
        }

        return text.ToString();
    }

    private static Board FromGold(int rows, int cols, ReadOnlySpan<bool> isGold)
    {
        var cells = new sbyte[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                if (isGold[(r * cols) + c])
                {
                    cells[(r * cols) + c] = Gold;
                    continue;
                }

                var count = 0;
                for (var dr = -1; dr <= 1; dr++)
                {
                    for (var dc = -1; dc <= 1; dc++)
                    {
                        var nr = r + dr;
                        var nc = c + dc;
                        if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && isGold[(nr * cols) + nc])
                        {
                            count++;
                        }
                    }
                }

                cells[(r * cols) + c] = (sbyte)count;
            }
        }

        return new Board(rows, cols, cells);
    }
}
