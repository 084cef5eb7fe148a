const { createGameClient } = require('../../utils/game-client');
const { stateFromPicture, format } = require('../../utils/board');
const { connector } = require('../support/fake-socket');

const BOARD = '...\n...\n...';

function setup(options) {
  const fake = connector();
  const client = createGameClient(Object.assign({
    url: 'ws://test/ws',
    connect: fake.connect,
    room: 'r1',
    name: 'Ann',
    random: () => 0,
    socket: { heartbeatMs: 1000, pongTimeoutMs: 300, backoff: { baseMs: 100, maxMs: 1000, maxAttempts: 3 } },
  }, options));
  const changes = [];
  const notices = [];
  client.on('change', (s) => changes.push(s));
  client.on('notice', (n) => notices.push(n));
  client.start();
  return { fake, client, changes, notices };
}

function welcome(task, extra, stateExtra) {
  task.receive(Object.assign({ type: 'welcome', room: 'r1', seat: 0, token: 'tok-0', state: stateFromPicture(BOARD, Object.assign({ seq: 2 }, stateExtra)) }, extra));
}

const dug = (seq, by, row, col, value, turn) => ({
  type: 'dug', seq, by, row, col, cells: [{ row, col, value }], scores: [0, 0], goldLeft: 1, turn,
});

/** Connected and welcomed as seat 0 with the turn, at seq 2. */
function joined(options, stateExtra) {
  const ctx = setup(options);
  ctx.fake.last.open();
  welcome(ctx.fake.last, {}, stateExtra);
  return ctx;
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('joining', () => {
  test('sends join on open and is joined after welcome', () => {
    const { fake, client } = setup();
    expect(client.snapshot().phase).toBe('connecting');

    fake.last.open();
    welcome(fake.last);

    expect(fake.last.messages[0]).toEqual({ type: 'join', room: 'r1', name: 'Ann' });
    expect(client.snapshot()).toMatchObject({ phase: 'joined', seat: 0, mode: 'player' });
    expect(client.token).toBe('tok-0');
  });

  test('a spectator asks to watch and gets no seat', () => {
    const { fake, client } = setup({ spectate: true });
    fake.last.open();
    welcome(fake.last, { seat: null, token: null });

    expect(fake.last.messages[0]).toEqual({ type: 'join', room: 'r1', name: 'Ann', spectate: true });
    expect(client.snapshot()).toMatchObject({ phase: 'joined', seat: null, mode: 'spectator' });
    expect(client.canDig(0, 0)).toBe(false);
  });

  test.each(['roomFull', 'gameOver'])('a refused seat (%s) falls back to watching', (code) => {
    const { fake, client, notices } = setup();
    fake.last.open();

    fake.last.receive({ type: 'error', code, message: 'no' });

    expect(fake.last.messages[1]).toEqual({ type: 'join', room: 'r1', name: 'Ann', spectate: true });
    expect(client.snapshot().mode).toBe('spectator');
    expect(notices).toHaveLength(1);
  });

  test('a room that does not exist is fatal and closes the socket', () => {
    const { fake, client } = setup();
    fake.last.open();

    fake.last.receive({ type: 'error', code: 'noSuchRoom', message: 'No such room.' });

    expect(client.snapshot().phase).toBe('failed');
    expect(client.snapshot().fatal).toMatch(/does not exist/);
    expect(fake.last.closedWith.code).toBe(1000);
  });

  test('frames that are not valid protocol are counted and ignored', () => {
    const { fake, client } = joined();

    fake.last.receive('{broken');
    fake.last.receive({ type: 'dug', seq: 3 });

    expect(client.snapshot().stats.badFrames).toBe(2);
    expect(client.snapshot().game.seq).toBe(2);
  });
});

describe('ordering by seq', () => {
  test('events are applied in order', () => {
    const { fake, client } = joined();

    fake.last.receive(dug(3, 0, 0, 0, 1, 1));
    fake.last.receive(dug(4, 1, 2, 2, 2, 0));

    expect(format(client.snapshot().game)).toBe('1..\n...\n..2');
  });

  test('an event already folded into the welcome, or seen twice, is dropped', () => {
    const { fake, client } = joined();

    fake.last.receive({ type: 'gameStarted', seq: 2, turn: 0 });
    fake.last.receive(dug(3, 0, 0, 0, 1, 1));
    fake.last.receive(dug(3, 0, 0, 0, 1, 1));

    expect(client.snapshot().stats.duplicates).toBe(2);
    expect(client.snapshot().game.seq).toBe(3);
  });

  test('a gap triggers a resync: reconnect, rejoin with the token, rebuild from welcome', () => {
    const { fake, client } = joined();
    const first = fake.last;

    first.receive(dug(5, 0, 0, 0, 1, 1));

    expect(client.snapshot().stats.gaps).toBe(1);
    expect(fake.tasks).toHaveLength(2);
    expect(client.snapshot().phase).toBe('reconnecting');
    fake.last.open();
    expect(fake.last.messages[0]).toEqual({ type: 'join', room: 'r1', name: 'Ann', token: 'tok-0' });
    welcome(fake.last, {}, { seq: 5, turn: 1, board: [[1, 1, null], [null, null, null], [null, null, 2]] });
    expect(client.snapshot().phase).toBe('joined');
    expect(format(client.snapshot().game)).toBe('11.\n...\n..2');
  });

  test('events that arrive while a welcome is awaited are ignored', () => {
    const { fake, client } = joined();
    fake.last.drop();
    jest.advanceTimersByTime(100);
    fake.last.open();

    fake.last.receive(dug(3, 0, 0, 0, 1, 1));

    expect(client.snapshot().game.seq).toBe(2);
    expect(client.snapshot().stats.gaps).toBe(0);
  });
});

describe('digging', () => {
  test('a dig on my turn is sent once; a second tap waits for the answer', () => {
    const { fake, client } = joined();

    expect(client.dig(1, 1)).toBe(true);
    expect(client.dig(1, 2)).toBe(false);

    expect(fake.last.types).toEqual(['join', 'dig']);
    expect(client.snapshot().pendingDig).toEqual({ row: 1, col: 1 });
    fake.last.receive(dug(3, 0, 1, 1, 3, 1));
    expect(client.snapshot().pendingDig).toBeNull();
  });

  test.each([
    ['not my turn', { turn: 1 }, 0, 0],
    ['a dug cell', { board: [[1, null, null], [null, null, null], [null, null, null]] }, 0, 0],
    ['off the board', {}, 3, 0],
    ['not started', { status: 'waiting', turn: null }, 0, 0],
    ['finished', { status: 'finished', turn: null }, 0, 0],
  ])('a tap on %s is never sent', (_, stateExtra, row, col) => {
    const { fake, client } = joined({}, stateExtra);

    expect(client.dig(row, col)).toBe(false);

    expect(fake.last.types).toEqual(['join']);
  });

  test('no digging while the link is down', () => {
    const { fake, client } = joined();
    fake.last.drop();

    expect(client.dig(0, 0)).toBe(false);
    expect(fake.tasks.every((t) => !t.types.includes('dig'))).toBe(true);
  });

  test('a refused dig is shown as a notice and frees the next tap', () => {
    const { fake, client, notices } = joined();
    client.dig(0, 0);

    fake.last.receive({ type: 'error', code: 'notYourTurn', message: 'Not your turn.' });

    expect(notices).toEqual([{ code: 'notYourTurn', text: 'It is not your turn.' }]);
    expect(client.snapshot().pendingDig).toBeNull();
  });
});

describe('reconnecting', () => {
  test('after a drop the client rejoins with its token and carries on from the welcome', () => {
    const { fake, client, changes } = joined();
    fake.last.drop();
    expect(client.snapshot().phase).toBe('reconnecting');

    jest.advanceTimersByTime(100);
    fake.last.open();
    welcome(fake.last, {}, { seq: 4, turn: 0, board: [[1, null, null], [null, null, null], [null, null, 2]] });

    expect(fake.last.messages[0].token).toBe('tok-0');
    expect(client.snapshot().phase).toBe('joined');
    expect(format(client.snapshot().game)).toBe('1..\n...\n..2');
    expect(changes.some((s) => s.phase === 'reconnecting')).toBe(true);
  });

  test('a seat lost while away (badToken) turns into watching', () => {
    const { fake, client } = joined();
    fake.last.drop();
    jest.advanceTimersByTime(100);
    fake.last.open();

    fake.last.receive({ type: 'error', code: 'badToken', message: 'Bad token.' });

    expect(fake.last.messages[1]).toEqual({ type: 'join', room: 'r1', name: 'Ann', spectate: true });
    expect(client.snapshot().mode).toBe('spectator');
  });

  test('a seat taken over by a newer connection (close 4000) stops instead of fighting back', () => {
    const { fake, client, notices } = joined();

    fake.last.drop(4000, 'seat taken over by a newer connection');
    jest.advanceTimersByTime(60000);

    expect(client.snapshot()).toMatchObject({ phase: 'takenOver', seat: 0, mode: 'player', pendingDig: null });
    expect(client.snapshot().fatal).toBe('This seat was taken over by another connection.');
    expect(client.socket.status).toBe('ended');
    expect(client.socket.pendingTimers).toEqual([]);
    expect(notices.map((n) => n.code)).toEqual(['takenOver']);
    expect(fake.tasks).toHaveLength(1);
  });

  test('a seat taken over stays stopped when the app comes back from the background', () => {
    const { fake, client } = joined();
    client.pause();
    fake.last.drop(4000, 'seat taken over by a newer connection');

    client.resume();
    jest.advanceTimersByTime(60000);

    expect(client.snapshot().phase).toBe('takenOver');
    expect(fake.tasks).toHaveLength(1);
  });

  test('retry takes a seat that was taken over back, with the token', () => {
    const { fake, client } = joined();
    fake.last.drop(4000, 'seat taken over by a newer connection');

    client.retry();
    expect(client.snapshot().phase).toBe('reconnecting');
    fake.last.open();
    welcome(fake.last);

    expect(fake.tasks).toHaveLength(2);
    expect(fake.last.messages[0]).toEqual({ type: 'join', room: 'r1', name: 'Ann', token: 'tok-0' });
    expect(client.snapshot()).toMatchObject({ phase: 'joined', seat: 0, fatal: null });
  });

  test.each([
    ['notice of a takeover', 'notice', (fake) => fake.last.drop(4000, 'seat taken over by a newer connection')],
    ['change of a drop', 'change', (fake) => fake.last.drop()],
  ])('a client closed from its own %s listener never connects again', (_, event, happen) => {
    const { fake, client } = joined();
    client.on(event, () => client.close());

    happen(fake);
    client.resume();
    jest.advanceTimersByTime(60000);

    expect(fake.tasks).toHaveLength(1);
    expect(client.socket.status).toBe('closed');
    expect(client.socket.pendingTimers).toEqual([]);
  });

  test('giving up shows failed; retry starts over', () => {
    const { fake, client } = joined();
    fake.last.drop();
    jest.advanceTimersByTime(100);
    fake.last.drop();
    jest.advanceTimersByTime(200);
    fake.last.drop();
    jest.advanceTimersByTime(400);
    fake.last.drop();
    expect(client.snapshot().phase).toBe('failed');

    client.retry();

    expect(client.snapshot().phase).toBe('reconnecting');
    expect(fake.tasks).toHaveLength(5);
  });
});

describe('leaving and closing', () => {
  test('leave sends leave only for a seated, joined player', () => {
    const { fake, client } = joined();

    expect(client.leave()).toBe(true);

    expect(fake.last.types).toEqual(['join', 'leave']);
  });

  test('close releases the socket, its timers and every listener', () => {
    const { fake, client, changes } = joined();
    const before = changes.length;

    client.close();
    fake.last.receive(dug(3, 0, 0, 0, 1, 1));
    jest.advanceTimersByTime(60000);

    expect(fake.last.closedWith.code).toBe(1000);
    expect(client.socket.listenerCount).toBe(0);
    expect(client.socket.pendingTimers).toEqual([]);
    expect(changes.length).toBe(before);
    expect(fake.tasks).toHaveLength(1);
  });
});
