const protocol = require('../../utils/protocol');
const { stateFromPicture } = require('../../utils/board');

const welcome = (extra) => Object.assign({ type: 'welcome', room: 'r1', seat: 0, token: 'tok', state: stateFromPicture('..\n1.') }, extra);
const dug = (extra) => Object.assign({
  type: 'dug', seq: 3, by: 0, row: 0, col: 0, cells: [{ row: 0, col: 0, value: 1 }], scores: [0, 0], goldLeft: 1, turn: 1,
}, extra);

describe('protocol.decode', () => {
  test.each([
    ['welcome', welcome()],
    ['welcome for a spectator', welcome({ seat: null, token: null })],
    ['playerJoined', { type: 'playerJoined', seq: 1, seat: 1, name: 'Bob' }],
    ['gameStarted', { type: 'gameStarted', seq: 2, turn: 0 }],
    ['dug', dug()],
    ['dug that ends the game', dug({ turn: null })],
    ['gameOver', { type: 'gameOver', seq: 9, scores: [2, 1], winner: 0, reason: 'allGoldFound', board: [[-1, 1], [1, 1]] }],
    ['gameOver tie', { type: 'gameOver', seq: 9, scores: [1, 1], winner: null, reason: 'allGoldFound', board: [[-1, 2], [2, -1]] }],
    ['playerOffline', { type: 'playerOffline', seq: 4, seat: 1 }],
    ['playerOnline', { type: 'playerOnline', seq: 5, seat: 1 }],
    ['playerLeft', { type: 'playerLeft', seq: 6, seat: 0 }],
    ['error', { type: 'error', code: 'notYourTurn', message: 'Not your turn.' }],
    ['pong', { type: 'pong' }],
  ])('accepts a well-formed %s', (_, message) => {
    const result = protocol.decode(JSON.stringify(message));

    expect(result).toEqual({ ok: true, message, known: true });
  });

  test.each([
    ['a binary frame', new ArrayBuffer(4)],
    ['text that is not JSON', '{nope'],
    ['JSON without a type', '{"seq":1}'],
    ['a JSON array', '[1,2]'],
    ['a dug without seq', JSON.stringify(dug({ seq: undefined }))],
    ['a dug with a bad cell value', JSON.stringify(dug({ cells: [{ row: 0, col: 0, value: 9 }] }))],
    ['a dug with one score', JSON.stringify(dug({ scores: [1] }))],
    ['a welcome with a ragged board', JSON.stringify(welcome({ state: Object.assign(stateFromPicture('..\n..'), { board: [[null], [null, null]] }) }))],
    ['a welcome with seat 2', JSON.stringify(welcome({ seat: 2 }))],
    ['a gameStarted with no turn', '{"type":"gameStarted","seq":2}'],
    ['an event with seq 0', '{"type":"playerLeft","seq":0,"seat":0}'],
  ])('rejects %s without throwing', (_, data) => {
    const result = protocol.decode(data);

    expect(result.ok).toBe(false);
    expect(typeof result.error).toBe('string');
  });

  test('passes an unknown but well-formed type through as not known', () => {
    const result = protocol.decode('{"type":"chat","text":"hi"}');

    expect(result).toEqual({ ok: true, message: { type: 'chat', text: 'hi' }, known: false });
  });

  test('isRoomEvent is true for numbered events only', () => {
    expect(protocol.isRoomEvent({ type: 'dug', seq: 3 })).toBe(true);
    expect(protocol.isRoomEvent({ type: 'pong' })).toBe(false);
    expect(protocol.isRoomEvent(welcome())).toBe(false);
  });
});

describe('protocol messages', () => {
  test('join carries the token when there is one', () => {
    expect(protocol.join({ room: 'r1', name: 'Ann', token: 't1' })).toEqual({ type: 'join', room: 'r1', name: 'Ann', token: 't1' });
  });

  test('join for a spectator says so and has no token', () => {
    expect(protocol.join({ room: 'r1', name: 'Eve', spectate: true })).toEqual({ type: 'join', room: 'r1', name: 'Eve', spectate: true });
  });

  test('names are trimmed, capped and never empty', () => {
    expect(protocol.join({ room: 'r', name: '  Ann  ' }).name).toBe('Ann');
    expect(protocol.join({ room: 'r', name: 'x'.repeat(100) }).name).toHaveLength(protocol.MAX_NAME_LENGTH);
    expect(protocol.join({ room: 'r', name: '   ' }).name).toBe('Player');
  });

  test('dig, leave and ping have the contract shapes', () => {
    expect(protocol.dig(2, 3)).toEqual({ type: 'dig', row: 2, col: 3 });
    expect(protocol.leave()).toEqual({ type: 'leave' });
    expect(protocol.ping()).toEqual({ type: 'ping' });
  });

  test('every error code of the contract is known', () => {
    expect(protocol.ERROR_CODES).toEqual(expect.arrayContaining(['badToken', 'notYourTurn', 'rateLimited', 'spectator']));
    expect(protocol.ERROR_CODES).toHaveLength(14);
  });
});
