const { gameView, cellSize } = require('../../utils/game-view');
const board = require('../../utils/board');

function snap(picture, extra, stateExtra) {
  return Object.assign({
    phase: 'joined', seat: 0, mode: 'player', pendingDig: null, fatal: null, connection: { status: 'open' },
    game: picture ? board.parse(picture, stateExtra) : null,
  }, extra);
}

const cellAt = (view, r, c) => view.grid[r].cells[c];

describe('gameView', () => {
  test('on my turn the banner says so and hidden cells are tappable', () => {
    const view = gameView(snap('.1\n..'));

    expect(view.banner).toEqual({ text: 'Your turn: dig a cell!', cls: 'banner-mine' });
    expect(view.myTurn).toBe(true);
    expect(cellAt(view, 0, 0).cls).toBe('cell hidden tappable');
    expect(cellAt(view, 0, 1)).toMatchObject({ text: '1', cls: 'cell n1' });
  });

  test("on the other player's turn nothing is tappable", () => {
    const view = gameView(snap('..\n..', {}, { turn: 1 }));

    expect(view.banner.text).toBe("Bob's turn, please wait");
    expect(cellAt(view, 0, 0).cls).toBe('cell hidden');
  });

  test('gold shows who found it; zeros are blank; the last dig is outlined', () => {
    let game = board.parse('a.\n..');
    game = board.apply(game, { type: 'dug', seq: 3, by: 1, row: 1, col: 1, cells: [{ row: 1, col: 1, value: 0 }], scores: [1, 0], goldLeft: 1, turn: 0 });

    const view = gameView(snap(null, { game }));

    expect(cellAt(view, 0, 0)).toMatchObject({ text: '★', cls: 'cell gold gold-p0' });
    expect(cellAt(view, 1, 1)).toMatchObject({ text: '', cls: 'cell zero last' });
  });

  test('the players show names, scores, whose turn and who is me', () => {
    const view = gameView(snap('a.\n..'));

    expect(view.players[0]).toMatchObject({ name: 'Ann (you)', score: 1, isTurn: true, isMe: true, cls: 'player player-p0 player-turn' });
    expect(view.players[1]).toMatchObject({ name: 'Bob', score: 0, isTurn: false });
  });

  test('a spectator sees who is digging and has no leave button', () => {
    const view = gameView(snap('..\n..', { seat: null, mode: 'spectator' }));

    expect(view.banner.text).toBe('Ann is digging');
    expect(view.spectator).toBe(true);
    expect(view.canLeave).toBe(false);
    expect(view.myTurn).toBe(false);
  });

  test.each([
    [0, 0, 'You win!'],
    [1, 0, 'You lose'],
    [null, 0, "It's a tie!"],
    [1, null, 'Bob wins!'],
  ])('game over with winner %s seen by seat %s reads "%s"', (winner, seat, title) => {
    const game = board.apply(board.parse('a.\n..'), { type: 'gameOver', seq: 3, scores: [1, 1], winner, reason: 'allGoldFound', board: [[-1, 2], [2, -1]] });

    const view = gameView(snap(null, { game, seat }));

    expect(view.over).toEqual({ title, detail: 'All the gold has been found.', scores: 'Ann 1 : Bob 1' });
    expect(view.banner.text).toBe('Game over');
    expect(cellAt(view, 1, 1)).toMatchObject({ text: '★', cls: 'cell unrevealed gold gold-none' });
    expect(cellAt(view, 0, 1)).toMatchObject({ text: '2', cls: 'cell unrevealed n2' });
  });

  test('a forfeit names who left', () => {
    const game = board.apply(board.parse('..\n..'), { type: 'gameOver', seq: 3, scores: [0, 0], winner: 0, reason: 'forfeit', board: [[-1, 1], [1, 1]] });

    expect(gameView(snap(null, { game })).over.detail).toBe('Bob left the game.');
  });

  test.each([
    [{ phase: 'connecting', game: null }, 'Connecting…', 'banner-info'],
    [{ phase: 'reconnecting', connection: { status: 'waiting', attempt: 2 } }, 'Connection lost, reconnecting (attempt 2)…', 'banner-warn'],
    [{ phase: 'failed', game: null }, 'Cannot reach the server.', 'banner-error'],
  ])('connection state %j is shown', (extra, text, cls) => {
    const view = gameView(snap('..\n..', extra));

    expect(view.banner).toEqual({ text, cls });
    expect(view.myTurn).toBe(false);
  });

  test('after a (re)join the welcome state alone shows the last dig and why the game ended', () => {
    const game = board.parse('a1\n11', { status: 'finished', turn: null, winner: 1, reason: 'forfeit', lastDig: { row: 1, col: 0, by: 0 } });

    const view = gameView(snap(null, { game }));

    expect(cellAt(view, 1, 0).cls).toBe('cell n1 last');
    expect(view.over).toEqual({ title: 'You lose', detail: 'Ann left the game.', scores: 'Ann 1 : Bob 0' });
  });

  test('a seat taken over says so, offers to take it back, and leaving gives nothing up', () => {
    const view = gameView(snap('..\n..', { phase: 'takenOver', fatal: 'This seat was taken over by another connection.', connection: { status: 'ended' } }));

    expect(view.banner).toEqual({ text: 'This seat was taken over by another connection.', cls: 'banner-warn' });
    expect(view.canTakeBack).toBe(true);
    expect(view.canRetry).toBe(false);
    expect(view.myTurn).toBe(false);
    expect(view.canLeave).toBe(false);
    expect(view.forfeitOnLeave).toBe(false);
  });

  test('while waiting for an opponent nobody can dig', () => {
    const view = gameView(snap('..\n..', {}, { status: 'waiting', turn: null, players: [{ seat: 0, name: 'Ann', score: 0, online: true }] }));

    expect(view.banner.text).toBe('Waiting for an opponent…');
    expect(view.players[1].name).toBe('Free seat');
    expect(view.canLeave).toBe(true);
    expect(view.forfeitOnLeave).toBe(false);
  });

  test('a 9x9 board fits the 750rpx screen; a 30x30 one keeps tappable cells and scrolls', () => {
    expect(cellSize(9) * 9).toBeLessThanOrEqual(702);
    expect(cellSize(30)).toBeGreaterThanOrEqual(56);
    const big = gameView(snap(Array.from({ length: 30 }, () => '.'.repeat(30)).join('\n')));
    expect(big.boardWidth).toBe(30 * 56);
    expect(big.scrollHeight).toBeLessThan(big.boardHeight);
  });
});
