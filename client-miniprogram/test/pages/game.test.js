const config = require('../../utils/config');
const { stateFromPicture } = require('../../utils/board');
const { connector } = require('../support/fake-socket');
const { loadPage, installWx, text, exists, tap, boardText } = require('../support/pages');

let fake;
let mocks;
let restore;
const savedSocket = config.socket.backoff;

function open(query) {
  const page = loadPage('game');
  page.instance.onLoad(Object.assign({ room: 'r1', name: 'Ann' }, query));
  return page;
}

function welcome(task, extra, stateExtra, picture) {
  task.open();
  task.receive(Object.assign({ type: 'welcome', room: 'r1', seat: 0, token: 'tok', state: stateFromPicture(picture || '...\n.1.\n...', Object.assign({ name: 'Gold rush' }, stateExtra)) }, extra));
}

const dug = (seq, by, row, col, cells, scores, turn, goldLeft) => ({ type: 'dug', seq, by, row, col, cells, scores, goldLeft: goldLeft === undefined ? 1 : goldLeft, turn });

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
  config.socket.backoff = Object.assign({}, savedSocket, { baseMs: 100, jitter: 0, maxAttempts: 2 });
  fake = connector();
  mocks = {
    connectSocket: jest.fn((o) => fake.connect(o.url)),
    showToast: jest.fn(),
    showModal: jest.fn(),
    navigateBack: jest.fn(),
    reLaunch: jest.fn(),
    enableAlertBeforeUnload: jest.fn(),
    disableAlertBeforeUnload: jest.fn(),
  };
  restore = installWx(mocks);
});

afterEach(() => {
  restore();
  config.socket.backoff = savedSocket;
  jest.useRealTimers();
});

test('joins the room from the query over one socket to the configured server', () => {
  const page = open({ name: 'Ann%20B' });

  fake.last.open();

  expect(mocks.connectSocket).toHaveBeenCalledTimes(1);
  expect(fake.last.url).toBe(config.current().ws);
  expect(fake.last.messages).toEqual([{ type: 'join', room: 'r1', name: 'Ann B' }]);
  expect(text(page, '#banner-text')).toBe('Connecting…');
  page.instance.onUnload();
});

test('waiting for an opponent', () => {
  const page = open();

  welcome(fake.last, {}, { status: 'waiting', turn: null, players: [{ seat: 0, name: 'Ann', score: 0, online: true }] });

  expect(text(page, '#banner-text')).toBe('Waiting for an opponent…');
  expect(text(page, '#player-1')).toContain('Free seat');
  expect(exists(page, '#leave')).toBe(true);
  page.instance.onUnload();
});

test('draws the board, the players and "your turn" from the welcome state', () => {
  const page = open();

  welcome(fake.last, {}, {}, 'a..\n.1.\n...');

  expect(text(page, '#room-title')).toBe('Gold rush');
  expect(text(page, '#banner-text')).toBe('Your turn: dig a cell!');
  expect(page.querySelector('#banner').dom.className).toContain('banner-mine');
  expect(text(page, '#player-0')).toContain('Ann (you)');
  expect(text(page, '#player-0')).toContain('1');
  expect(text(page, '#player-1')).toContain('Bob');
  expect(text(page, '#gold-left')).toBe('1');
  expect(boardText(page)).toBe('*##\n#1#\n###');
  expect(mocks.enableAlertBeforeUnload).toHaveBeenCalled();
  page.instance.onUnload();
});

test('tapping a hidden cell on my turn digs it, once', async () => {
  const page = open();
  welcome(fake.last);

  await tap(page, '#c-0-0');
  await tap(page, '#c-0-2');

  expect(fake.last.messages.slice(1)).toEqual([{ type: 'dig', row: 0, col: 0 }]);
  expect(text(page, '#banner-text')).toBe('Digging…');
  page.instance.onUnload();
});

test('a dug event shows the cells, the scores, the last dig and the turn change', async () => {
  const page = open();
  welcome(fake.last);
  await tap(page, '#c-0-0');

  fake.last.receive(dug(3, 0, 0, 0, [{ row: 0, col: 0, value: -1 }], [1, 0], 1, 0));

  expect(boardText(page)).toBe('*##\n#1#\n###');
  expect(page.querySelector('#c-0-0').dom.className).toContain('gold-p0');
  expect(page.querySelector('#c-0-0').dom.className).toContain('last');
  expect(text(page, '#player-0')).toContain('1');
  expect(text(page, '#banner-text')).toBe("Bob's turn, please wait");
  expect(text(page, '#gold-left')).toBe('0');
  page.instance.onUnload();
});

test("taps are ignored, and not even sent, on the other player's turn or on a dug cell", async () => {
  const page = open();
  welcome(fake.last, {}, { turn: 1 });

  await tap(page, '#c-0-0');
  fake.last.receive(dug(3, 1, 2, 2, [{ row: 2, col: 2, value: 2 }], [0, 0], 0));
  await tap(page, '#c-1-1');
  await tap(page, '#c-2-2');

  expect(fake.last.types).toEqual(['join']);
  page.instance.onUnload();
});

test('game over shows the winner and the whole board', () => {
  const page = open();
  welcome(fake.last, {}, {}, 'a..\n.1.\n...');

  fake.last.receive({ type: 'gameOver', seq: 3, scores: [1, 0], winner: 0, reason: 'allGoldFound', board: [[-1, 1, 0], [1, 1, 0], [0, 0, 0]] });

  expect(text(page, '#over-title')).toBe('You win!');
  expect(text(page, '#over-detail')).toBe('All the gold has been found.');
  expect(text(page, '#over-scores')).toBe('Ann 1 : Bob 0');
  expect(boardText(page)).toBe('*1 \n11 \n   ');
  expect(exists(page, '#leave')).toBe(false);
  expect(exists(page, '#to-lobby')).toBe(true);
  expect(mocks.disableAlertBeforeUnload).toHaveBeenCalled();
  page.instance.onUnload();
});

test('a tie reads as a tie', () => {
  const page = open();
  welcome(fake.last, {}, {}, 'a..\n.1.\n..b');

  fake.last.receive({ type: 'gameOver', seq: 3, scores: [1, 1], winner: null, reason: 'allGoldFound', board: [[-1, 1, 0], [1, 2, 1], [0, 1, -1]] });

  expect(text(page, '#over-title')).toBe("It's a tie!");
  page.instance.onUnload();
});

test('back to lobby from the game-over panel', async () => {
  const page = open();
  welcome(fake.last, {}, { status: 'finished', turn: null, winner: 1 });

  await tap(page, '#to-lobby');

  expect(mocks.reLaunch.mock.calls.length + mocks.navigateBack.mock.calls.length).toBe(1);
  page.instance.onUnload();
});

test('a spectator watches: no seat, no digging, no leave', async () => {
  const page = open({ spectate: '1', name: 'Eve' });
  welcome(fake.last, { seat: null, token: null });

  await tap(page, '#c-0-0');

  expect(fake.last.messages).toEqual([{ type: 'join', room: 'r1', name: 'Eve', spectate: true }]);
  expect(text(page, '#banner-text')).toBe('Ann is digging');
  expect(exists(page, '#leave')).toBe(false);
  expect(exists(page, '#back')).toBe(true);
  page.instance.onUnload();
});

test('leaving during play asks first; cancel stays, confirm forfeits and goes back', async () => {
  const page = open();
  welcome(fake.last);
  mocks.showModal.mockImplementationOnce((o) => o.success({ confirm: false, cancel: true }));

  await tap(page, '#leave');
  expect(fake.last.types).toEqual(['join']);

  mocks.showModal.mockImplementationOnce((o) => o.success({ confirm: true, cancel: false }));
  await tap(page, '#leave');
  page.instance.onUnload();

  expect(mocks.showModal).toHaveBeenCalledTimes(2);
  expect(fake.last.types).toEqual(['join', 'leave']);
  expect(mocks.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/home' });
  expect(fake.last.closedWith.code).toBe(1000);
});

test('a dropped socket shows "reconnecting", then rejoins with the token and carries on', () => {
  const page = open();
  welcome(fake.last);

  fake.last.drop();
  expect(text(page, '#banner-text')).toBe('Connection lost, reconnecting (attempt 1)…');
  jest.advanceTimersByTime(100);
  welcome(fake.last, {}, { seq: 3, turn: 1 }, '1..\n.1.\n...');

  expect(fake.tasks).toHaveLength(2);
  expect(fake.last.messages[0]).toEqual({ type: 'join', room: 'r1', name: 'Ann', token: 'tok' });
  expect(boardText(page)).toBe('1##\n#1#\n###');
  expect(text(page, '#banner-text')).toBe("Bob's turn, please wait");
  page.instance.onUnload();
});

test('after a rejoin the last dig is still highlighted and a finished game still says why', () => {
  const page = open();
  welcome(fake.last);
  fake.last.drop();
  jest.advanceTimersByTime(100);

  welcome(fake.last, {}, { seq: 9, status: 'finished', turn: null, winner: 1, reason: 'majority', lastDig: { row: 2, col: 1, by: 1 } }, 'a1.\n.1.\nbb.');

  expect(page.querySelector('#c-2-1').dom.className).toContain('last');
  expect(page.querySelectorAll('.cell.last')).toHaveLength(1);
  expect(text(page, '#over-title')).toBe('You lose');
  expect(text(page, '#over-detail')).toBe('Bob holds more than half of the gold.');
  page.instance.onUnload();
});

test('a seat taken over elsewhere stops, stays stopped in the background, and "Play here" takes it back', async () => {
  const page = open();
  welcome(fake.last);

  fake.last.drop(4000, 'seat taken over by a newer connection');
  page.instance.onHide();
  page.instance.onShow();
  jest.advanceTimersByTime(60000);

  expect(fake.tasks).toHaveLength(1);
  expect(text(page, '#banner-text')).toBe('This seat was taken over by another connection.');
  expect(mocks.showToast).toHaveBeenCalledWith({ title: 'This seat was taken over by another connection.', icon: 'none' });
  expect(exists(page, '#retry')).toBe(false);
  expect(exists(page, '#leave')).toBe(false);
  expect(exists(page, '#back')).toBe(true);
  expect(mocks.disableAlertBeforeUnload).toHaveBeenCalled();

  await tap(page, '#take-back');
  welcome(fake.last);

  expect(fake.tasks).toHaveLength(2);
  expect(fake.last.messages[0]).toEqual({ type: 'join', room: 'r1', name: 'Ann', token: 'tok' });
  expect(text(page, '#banner-text')).toBe('Your turn: dig a cell!');
  expect(exists(page, '#take-back')).toBe(false);
  page.instance.onUnload();
});

test('when reconnecting gives up, a retry button starts again', async () => {
  const page = open();
  welcome(fake.last);
  fake.last.drop();
  jest.advanceTimersByTime(100);
  fake.last.drop();
  jest.advanceTimersByTime(200);
  fake.last.drop();

  expect(text(page, '#banner-text')).toBe('Cannot reach the server.');
  await tap(page, '#retry');

  expect(fake.tasks).toHaveLength(4);
  page.instance.onUnload();
});

test('a gap in seq resyncs from a fresh welcome', () => {
  const page = open();
  welcome(fake.last);

  fake.last.receive(dug(5, 1, 2, 2, [{ row: 2, col: 2, value: 2 }], [0, 0], 0));
  welcome(fake.last, {}, { seq: 5 }, '1..\n.1.\n..2');

  expect(fake.tasks).toHaveLength(2);
  expect(boardText(page)).toBe('1##\n#1#\n##2');
  page.instance.onUnload();
});

test('back from the background after a drop, it reconnects at once', () => {
  const page = open();
  welcome(fake.last);
  page.instance.onHide();
  fake.last.drop();

  page.instance.onShow();

  expect(fake.tasks).toHaveLength(2);
  page.instance.onUnload();
});

test('unloading closes the socket cleanly and leaves no timer running', () => {
  const page = open();
  welcome(fake.last, {}, { status: 'finished', turn: null, winner: 0 });
  expect(jest.getTimerCount()).toBeGreaterThan(0);

  page.instance.onUnload();
  fake.last.drop();

  expect(fake.last.closedWith).toMatchObject({ code: 1000 });
  expect(fake.last.types).toEqual(['join']);
  expect(jest.getTimerCount()).toBe(0);
  expect(fake.tasks).toHaveLength(1);
});

test('a refused dig is shown as a toast', async () => {
  const page = open();
  welcome(fake.last);
  await tap(page, '#c-0-0');

  fake.last.receive({ type: 'error', code: 'alreadyDug', message: 'Already dug.' });

  expect(mocks.showToast).toHaveBeenCalledWith({ title: 'That cell has already been dug.', icon: 'none' });
  page.instance.onUnload();
});
