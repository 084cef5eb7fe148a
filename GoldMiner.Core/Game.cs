using System.Buffers;
using GoldMiner.Core.Events;
using GoldMiner.Core.Moves;

namespace GoldMiner.Core;

/// <summary>
/// One game of GoldMiner: two seats, a hidden board, turns and scores. Every change goes through a
/// move (<see cref="Join"/>, <see cref="Dig"/>, <see cref="Leave"/>) that returns the events it
/// caused or why it was refused. Not thread-safe: the host applies one move at a time.
/// </summary>
public sealed class Game
{
    /// <summary>The number of seats at a table.</summary>
    public const int SeatCount = 2;

    private const sbyte NotDug = -1;

    // A flood's scratch space stays on the stack up to the largest board the rules allow (30 x 30: 7.2 KB).
    private const int FloodScratchOnStack = GameOptions.MaxSize * GameOptions.MaxSize;

    private readonly string?[] names = new string?[SeatCount];
    private readonly bool[] left = new bool[SeatCount];
    private readonly int[] scores = new int[SeatCount];
    // Who dug each cell, a byte each (-1: not dug), kept for the whole game like the board.
    private readonly sbyte[] dugBy;
    private readonly List<FoundGold> found;
    private readonly List<RecordedMove> moves;

    // In join order: a seat freed before the start can be joined again under another name.
    private readonly List<string> joinNames = new(SeatCount);

    /// <summary>Starts a game on a board generated from <paramref name="options"/> and <paramref name="seed"/>.</summary>
    public Game(GameOptions options, long seed)
        : this(Board.Generate(options.Rows, options.Cols, options.Gold, seed), options.Rules)
    {
    }

    /// <summary>Starts a game on a given board (tests build one with <see cref="Board.Parse"/>).</summary>
    public Game(Board board, GameRules rules)
    {
        Board = board;
        Rules = rules;
        dugBy = new sbyte[board.Rows * board.Cols];
        Array.Fill(dugBy, NotDug);

        // Sized for every gold up front: growing it copied the list twice or three times per game.
        found = new List<FoundGold>(board.GoldCount);

        // Sized for a whole game: every dig uncovers at least one cell, and a game starts with two
        // joins and ends with at most two leaves (only joins and leaves before the start can add
        // more). Grown later in a game, the list is a young array held by an old game, which every
        // gen-0 collection has to find through the card table (docs/performance.md, round 11).
        moves = new List<RecordedMove>(board.Rows * board.Cols + 2 * SeatCount);
    }

    /// <summary>The full board, including cells not dug yet. Hosts must not show it to players before the end.</summary>
    public Board Board { get; }

    /// <summary>The rule set in force.</summary>
    public GameRules Rules { get; }

    /// <summary>Where the game is in its life.</summary>
    public GameStatus Status { get; private set; } = GameStatus.Waiting;

    /// <summary>The seat whose turn it is, or null before the start and after the end.</summary>
    public int? Turn { get; private set; }

    /// <summary>The winning seat once finished, or null (not finished, or a tie).</summary>
    public int? Winner { get; private set; }

    /// <summary>Why the game ended, or null while it goes on.</summary>
    public GameEndReason? EndReason { get; private set; }

    /// <summary>Gold not found yet.</summary>
    public int GoldLeft => Board.GoldCount - found.Count;

    /// <summary>Each seat's score (gold found), by seat: a copy, as a value.</summary>
    public InlineList<int> Scores => ScoresNow();

    /// <summary>Every gold cell found so far, in the order found.</summary>
    public IReadOnlyList<FoundGold> Found => found.AsReadOnly();

    /// <summary>Every accepted move, in order: with the board (or options and seed) this rebuilds the game. A copy, made on each call.</summary>
    public IReadOnlyList<GameMove> Moves
    {
        get
        {
            var all = new List<GameMove>(moves.Count);
            var joins = 0;
            foreach (var move in moves)
            {
                all.Add(move.ToMove(move.Kind == RecordedMove.MoveKind.Join ? joinNames[joins++] : null));
            }

            return all;
        }
    }

    /// <summary>
    /// Rebuilds a game by applying its moves in order to a fresh game on the same board.
    /// </summary>
    /// <exception cref="InvalidOperationException">A move is refused: the list is not the history of a game on this board.</exception>
    public static Game Replay(Board board, GameRules rules, IEnumerable<GameMove> history)
    {
        var game = new Game(board, rules);
        foreach (var move in history)
        {
            var result = game.Apply(move);
            if (!result.IsAccepted)
            {
                throw new InvalidOperationException($"Move {game.moves.Count + 1} ({move}) was refused: {result.Rejection}.");
            }
        }

        return game;
    }

    /// <summary>Rebuilds a game from its options, seed and moves.</summary>
    /// <exception cref="InvalidOperationException">A move is refused.</exception>
    public static Game Replay(GameOptions options, long seed, IEnumerable<GameMove> history) =>
        Replay(Board.Generate(options.Rows, options.Cols, options.Gold, seed), options.Rules, history);

    /// <summary>The name of the player in <paramref name="seat"/>, or null when the seat is free.</summary>
    public string? PlayerName(int seat) => names[seat];

    /// <summary>True when the player in <paramref name="seat"/> has left a game that had started.</summary>
    public bool HasLeft(int seat) => left[seat];

    /// <summary>True when (row, col) has been dug.</summary>
    public bool IsDug(int row, int col) => dugBy[Index(row, col)] != NotDug;

    /// <summary>The value of (row, col) if it has been dug, otherwise null.</summary>
    public int? VisibleValue(int row, int col) => IsDug(row, col) ? Board[row, col] : null;

    /// <summary>Applies any move; the host's journal replays through this.</summary>
    public MoveResult Apply(GameMove move) => move switch
    {
        JoinMove join => Join(join.Name),
        DigMove dig => Dig(dig.Seat, dig.Row, dig.Col),
        LeaveMove leave => Leave(leave.Seat),
        _ => throw new ArgumentException($"Unknown move {move}.", nameof(move)),
    };

    /// <summary>Seats a player in the first free seat; filling the second seat starts the game.</summary>
    public MoveResult Join(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Status == GameStatus.Finished)
        {
            return MoveResult.Rejected(Rejection.GameOver);
        }

        var seat = Array.IndexOf(names, null);
        if (seat < 0)
        {
            return MoveResult.Rejected(Rejection.RoomFull);
        }

        names[seat] = name;
        moves.Add(RecordedMove.Join(seat));
        joinNames.Add(name);
        if (Array.IndexOf(names, null) >= 0)
        {
            return MoveResult.Accepted(new PlayerJoined(seat, name));
        }

        Status = GameStatus.Playing;
        Turn = 0;
        return MoveResult.Accepted(new PlayerJoined(seat, name), new GameStarted(0));
    }

    /// <summary>The player in <paramref name="seat"/> digs (<paramref name="row"/>, <paramref name="col"/>).</summary>
    public MoveResult Dig(int seat, int row, int col)
    {
        var refusal = CheckDig(seat, row, col);
        if (refusal is { } rejection)
        {
            return MoveResult.Rejected(rejection);
        }

        var revealed = Reveal(seat, row, col);
        var foundGold = Board[row, col] == Board.Gold;
        moves.Add(RecordedMove.Dig(seat, row, col));

        var ending = EndingAfterDig(seat);
        if (ending is { } reason)
        {
            Finish(reason, reason == GameEndReason.Majority ? seat : LeaderOrTie());
        }
        else
        {
            Turn = Rules == GameRules.Flags && foundGold ? seat : Other(seat);
        }

        var dug = new CellsDug(seat, row, col, revealed, ScoresNow(), GoldLeft, Turn);
        return ending is null
            ? MoveResult.Accepted(dug)
            : MoveResult.Accepted(dug, new GameEnded(ScoresNow(), Winner, ending.Value));
    }

    /// <summary>
    /// The player in <paramref name="seat"/> gives up the seat. Before the start this frees the seat;
    /// during play it forfeits the game to the other player.
    /// </summary>
    public MoveResult Leave(int seat)
    {
        if (seat is < 0 or >= SeatCount || names[seat] is null || left[seat])
        {
            return MoveResult.Rejected(Rejection.NotSeated);
        }

        moves.Add(RecordedMove.Leave(seat));
        switch (Status)
        {
            case GameStatus.Waiting:
                names[seat] = null;
                return MoveResult.Accepted(new PlayerLeft(seat));
            case GameStatus.Playing:
                left[seat] = true;
                Finish(GameEndReason.Forfeit, Other(seat));
                return MoveResult.Accepted(
                    new PlayerLeft(seat),
                    new GameEnded(ScoresNow(), Winner, GameEndReason.Forfeit));
            default:
                left[seat] = true;
                return MoveResult.Accepted(new PlayerLeft(seat));
        }
    }

    private static int Other(int seat) => 1 - seat;

    private Rejection? CheckDig(int seat, int row, int col)
    {
        if (Status == GameStatus.Finished)
        {
            return Rejection.GameOver;
        }

        if (Status == GameStatus.Waiting)
        {
            return Rejection.NotStarted;
        }

        if (seat is < 0 or >= SeatCount)
        {
            return Rejection.NotSeated;
        }

        if (seat != Turn)
        {
            return Rejection.NotYourTurn;
        }

        if (!Board.Contains(row, col))
        {
            return Rejection.OutOfBounds;
        }

        return IsDug(row, col) ? Rejection.AlreadyDug : null;
    }

    /// <summary>Reveals the cell, and for a zero the whole zero region with its numbered border.</summary>
    private InlineList<RevealedCell> Reveal(int seat, int row, int col)
    {
        dugBy[Index(row, col)] = (sbyte)seat;
        if (Board[row, col] != 0)
        {
            // Most digs reveal one cell: no flood, and the cell is kept in the list itself.
            Score(seat, row, col);
            return new InlineList<RevealedCell>(new RevealedCell(row, col, Board[row, col]));
        }

        // Every cell is pushed at most once (it is marked dug when pushed), so the board's size bounds
        // both the cells still to visit and the cells revealed: scratch space on the stack (a rented
        // array for a board bigger than any the rules allow) instead of a growing stack and list per flood.
        var cellCount = Board.Rows * Board.Cols;
        int[]? rented = null;
        var scratch = cellCount <= FloodScratchOnStack
            ? stackalloc int[2 * cellCount]
            : rented = ArrayPool<int>.Shared.Rent(2 * cellCount);
        var pending = scratch[..cellCount];
        var revealedCells = scratch.Slice(cellCount, cellCount);
        var pendingCount = 0;
        var revealedCount = 0;
        pending[pendingCount++] = Index(row, col);
        while (pendingCount > 0)
        {
            var index = pending[--pendingCount];
            revealedCells[revealedCount++] = index;
            var (cellRow, cellCol) = (index / Board.Cols, index % Board.Cols);
            Score(seat, cellRow, cellCol);
            if (Board[cellRow, cellCol] != 0)
            {
                continue;
            }

            // A zero has no gold around it, so flooding from it can never reveal gold. The loop is
            // written out (not Board.Neighbours) because an iterator per cell dominated a big flood's cost.
            for (var row2 = Math.Max(0, cellRow - 1); row2 <= Math.Min(Board.Rows - 1, cellRow + 1); row2++)
            {
                for (var col2 = Math.Max(0, cellCol - 1); col2 <= Math.Min(Board.Cols - 1, cellCol + 1); col2++)
                {
                    var neighbour = Index(row2, col2);
                    if (dugBy[neighbour] == NotDug)
                    {
                        dugBy[neighbour] = (sbyte)seat;
                        pending[pendingCount++] = neighbour;
                    }
                }
            }
        }

        // The event keeps the cells: one exact-size array, in the order they were revealed.
        var revealed = new RevealedCell[revealedCount];
        for (var i = 0; i < revealedCount; i++)
        {
            var (cellRow, cellCol) = (revealedCells[i] / Board.Cols, revealedCells[i] % Board.Cols);
            revealed[i] = new RevealedCell(cellRow, cellCol, Board[cellRow, cellCol]);
        }

        if (rented is not null)
        {
            ArrayPool<int>.Shared.Return(rented);
        }

        return new InlineList<RevealedCell>(revealed);
    }

    /// <summary>A copy of the scores for an event, as a value: an array was one more object per dig.</summary>
    private InlineList<int> ScoresNow() => new(scores[0], scores[1]);

    private void Score(int seat, int row, int col)
    {
        if (Board[row, col] == Board.Gold)
        {
            scores[seat]++;
            found.Add(new FoundGold(row, col, seat));
        }
    }

    private GameEndReason? EndingAfterDig(int seat)
    {
        if (Rules == GameRules.Flags && scores[seat] * 2 > Board.GoldCount)
        {
            return GameEndReason.Majority;
        }

        return GoldLeft == 0 ? GameEndReason.AllGoldFound : null;
    }

    private int? LeaderOrTie() =>
        scores[0] == scores[1] ? null : scores[0] > scores[1] ? 0 : 1;

    private void Finish(GameEndReason reason, int? winner)
    {
        Status = GameStatus.Finished;
        EndReason = reason;
        Winner = winner;
        Turn = null;
    }

    private int Index(int row, int col) => Board.Index(row, col);
}
