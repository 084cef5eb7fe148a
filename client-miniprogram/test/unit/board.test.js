const board = require('../../utils/board');

const dugMessage = (extra) => Object.assign({ type: 'dug', seq: 3, by: 0, row: 0, col: 0, cells: [], scores: [0, 0], goldLeft: 1, turn: 1 }, extra);

describe('board.fromState', () => {
  test('builds the game from a welcome state', () => {
    const game = board.parse(`
      a1..
      11..
      ...b`);

    expect(game.rows).toBe(3);
    expect(game.cols).toBe(4);
    expect(game.foundBy[0][0]).toBe(0);
    expect(game.foundBy[2][3]).toBe(1);
    expect(game.players.map((p) => p.score)).toEqual([1, 1]);
    expect(board.format(game)).toBe('a1..\n11..\n...b');
  });

  test('keeps the last dig when the state names one, for the highlight after a rejoin', () => {
    expect(board.parse('1.', { lastDig: { row: 0, col: 0, by: 1 } }).lastDig).toEqual({ row: 0, col: 0, by: 1 });
    expect(board.parse('1.', { lastDig: { row: 5, col: 0, by: 1 } }).lastDig).toBeNull();
    expect(board.parse('1.').lastDig).toBeNull();
  });

  test('a finished state carries its winner and reason', () => {
    const game = board.parse('a1\n11', { status: 'finished', turn: null, winner: 0, reason: 'allGoldFound' });

    expect(game).toMatchObject({ status: 'finished', winner: 0, reason: 'allGoldFound' });
  });

  test('puts players in their seats, leaving free seats empty', () => {
    const game = board.parse('..', { status: 'waiting', turn: null, players: [{ seat: 1, name: 'Bob', score: 0, online: true }] });

    expect(game.players[0]).toBeNull();
    expect(game.players[1].name).toBe('Bob');
  });
});

describe('board.apply', () => {
  test('a dug reveals every cell it names and moves the turn', () => {
    const game = board.parse('...\n...\n...');

    const next = board.apply(game, dugMessage({
      row: 0, col: 0, turn: 1, cells: [{ row: 0, col: 0, value: 0 }, { row: 0, col: 1, value: 1 }, { row: 1, col: 0, value: 2 }],
    }));

    expect(board.format(next)).toBe('01.\n2..\n...');
    expect(next.turn).toBe(1);
    expect(next.seq).toBe(3);
    expect(next.lastDig).toEqual({ row: 0, col: 0, by: 0 });
  });

  test('gold found is marked with the finder and scores follow the message', () => {
    const game = board.parse('..\n..', { turn: 1 });

    const next = board.apply(game, dugMessage({ by: 1, row: 1, col: 1, cells: [{ row: 1, col: 1, value: -1 }], scores: [0, 1], goldLeft: 0, turn: 1 }));

    expect(board.format(next)).toBe('..\n.b');
    expect(next.players[1].score).toBe(1);
    expect(next.goldLeft).toBe(0);
  });

  test('never changes the game it was given', () => {
    const game = board.parse('..\n..');
    const before = JSON.stringify(game);

    board.apply(game, dugMessage({ cells: [{ row: 0, col: 0, value: 1 }] }));

    expect(JSON.stringify(game)).toBe(before);
  });

  test('game over keeps the dug cells and shows the whole board', () => {
    const game = board.parse('a.\n..');

    const over = board.apply(game, { type: 'gameOver', seq: 7, scores: [1, 0], winner: 0, reason: 'allGoldFound', board: [[-1, 1], [1, 1]] });

    expect(over.status).toBe('finished');
    expect(over.turn).toBeNull();
    expect(over.winner).toBe(0);
    expect(over.reason).toBe('allGoldFound');
    expect(board.visibleValue(over, 0, 1)).toBe(1);
    expect(over.cells[0][1]).toBeNull();
  });

  test('players come, start, go offline and back', () => {
    let game = board.parse('..', { status: 'waiting', turn: null, players: [{ seat: 0, name: 'Ann', score: 0, online: true }] });

    game = board.apply(game, { type: 'playerJoined', seq: 3, seat: 1, name: 'Bob' });
    game = board.apply(game, { type: 'gameStarted', seq: 4, turn: 0 });
    game = board.apply(game, { type: 'playerOffline', seq: 5, seat: 1 });

    expect(game.status).toBe('playing');
    expect(game.turn).toBe(0);
    expect(game.players[1]).toMatchObject({ name: 'Bob', online: false });
    expect(board.apply(game, { type: 'playerOnline', seq: 6, seat: 1 }).players[1].online).toBe(true);
  });

  test('leaving a waiting room frees the seat; leaving a game marks the player as gone', () => {
    const waiting = board.parse('..', { status: 'waiting', turn: null });
    const playing = board.parse('..');

    expect(board.apply(waiting, { type: 'playerLeft', seq: 3, seat: 1 }).players[1]).toBeNull();
    expect(board.apply(playing, { type: 'playerLeft', seq: 3, seat: 1 }).players[1]).toMatchObject({ left: true, online: false });
  });

  test('an event it does not know only moves seq', () => {
    const game = board.parse('..');

    const next = board.apply(game, { type: 'somethingNew', seq: 3 });

    expect(next).toEqual(Object.assign({}, game, { seq: 3 }));
  });

  test('a cell outside the board is ignored rather than crashing', () => {
    const game = board.parse('..');

    const next = board.apply(game, dugMessage({ cells: [{ row: 5, col: 5, value: 1 }] }));

    expect(board.format(next)).toBe('..');
  });
});

describe('board.parse', () => {
  test('rejects a ragged picture', () => {
    expect(() => board.parse('..\n.')).toThrow(/row 1/);
  });

  test('inBounds knows the edges', () => {
    const game = board.parse('...\n...');

    expect(board.inBounds(game, 1, 2)).toBe(true);
    expect(board.inBounds(game, 2, 0)).toBe(false);
    expect(board.inBounds(game, 0, -1)).toBe(false);
    expect(board.inBounds(game, 0.5, 0)).toBe(false);
  });
});
