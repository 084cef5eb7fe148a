const config = require('../../utils/config');
const { loadPage, installWx, text, exists, tap, input, flush } = require('../support/pages');

const ROOMS = [
  { id: 'w1', name: 'Open table', status: 'waiting', rules: 'classic', rows: 9, cols: 9, gold: 10, goldLeft: 10, players: [{ seat: 0, name: 'Ann', score: 0, online: true }], spectators: 0, createdAt: '2026-11-22T03:02:00Z' },
  { id: 'p1', name: 'Busy table', status: 'playing', rules: 'flags', rows: 16, cols: 16, gold: 40, goldLeft: 30, players: [{ seat: 0, name: 'Cy', score: 6, online: true }, { seat: 1, name: 'Di', score: 4, online: true }], spectators: 1, createdAt: '2026-11-22T03:01:00Z' },
];

let restore;
let requests;
let answers;
let mocks;

/** wx.request answered from `answers` in turn (an Error means the network failed). */
function setup() {
  requests = [];
  mocks = {
    navigateTo: jest.fn(),
    showToast: jest.fn(),
    stopPullDownRefresh: jest.fn(),
    getStorageSync: jest.fn(() => 'Ann'),
    setStorageSync: jest.fn(),
  };
  restore = installWx(Object.assign({}, mocks, {
    request(o) {
      requests.push(o);
      const next = answers.length > 1 ? answers.shift() : answers[0];
      Promise.resolve().then(() => {
        if (next instanceof Error) o.fail({ errMsg: 'request:fail ' + next.message });
        else o.success({ statusCode: next.status, data: next.data, header: {} });
      });
    },
  }));
  const page = loadPage('home');
  page.instance.onLoad({});
  return page;
}

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] });
  answers = [{ status: 200, data: ROOMS }];
});

afterEach(() => {
  restore();
  jest.useRealTimers();
});

test('lists the rooms with name, size, rules, players and status', async () => {
  const page = setup();

  await page.instance.onShow();

  expect(requests[0]).toMatchObject({ url: config.current().http + '/api/rooms', method: 'GET' });
  expect(text(page, '#room-w1')).toContain('Open table');
  expect(text(page, '#room-w1')).toContain('9 × 9 · 10 gold · Classic');
  expect(text(page, '#room-w1')).toContain('Ann vs —');
  expect(text(page, '#room-w1')).toContain('Waiting');
  expect(text(page, '#room-p1')).toContain('Cy vs Di');
  expect(text(page, '#room-p1')).toContain('Flags');
  expect(text(page, '#room-p1')).toContain('Watch');
  page.instance.onUnload();
});

test('an unreachable server shows a clear message, and retry loads the list', async () => {
  answers = [new Error('timeout'), { status: 200, data: ROOMS }];
  const page = setup();

  await page.instance.onShow();
  expect(text(page, '#lobby-error')).toContain('Cannot reach the GoldMiner server');
  await tap(page, '#retry');
  await page.instance.refresh();

  expect(exists(page, '#lobby-error')).toBe(false);
  expect(exists(page, '#room-w1')).toBe(true);
  page.instance.onUnload();
});

test('shows an empty-list hint when there are no rooms', async () => {
  answers = [{ status: 200, data: [] }];
  const page = setup();

  await page.instance.onShow();

  expect(text(page, '#no-rooms')).toContain('No rooms yet');
  page.instance.onUnload();
});

test('refreshes every few seconds while shown, and stops when hidden or unloaded', async () => {
  const page = setup();
  await page.instance.onShow();
  expect(jest.getTimerCount()).toBe(1);

  jest.advanceTimersByTime(config.lobby.refreshMs - 1);
  await flush();
  expect(requests).toHaveLength(1);
  jest.advanceTimersByTime(1);
  await page.instance.refresh();
  expect(requests).toHaveLength(2);
  page.instance.onHide();
  expect(jest.getTimerCount()).toBe(0);

  await page.instance.onShow();
  page.instance.onUnload();
  expect(jest.getTimerCount()).toBe(0);
});

test('pull-down refresh reloads and then stops the spinner', async () => {
  const page = setup();

  await page.instance.onPullDownRefresh();

  expect(requests).toHaveLength(1);
  expect(mocks.stopPullDownRefresh).toHaveBeenCalled();
  page.instance.onUnload();
});

test('a waiting room is tapped to play, a playing one to watch', async () => {
  const page = setup();
  await page.instance.onShow();

  await tap(page, '#room-w1');
  await tap(page, '#room-p1');

  expect(mocks.navigateTo.mock.calls.map((c) => c[0].url)).toEqual([
    '/pages/game/game?room=w1&name=Ann',
    '/pages/game/game?room=p1&name=Ann&spectate=1',
  ]);
  page.instance.onUnload();
});

test('a bad form is shown and never sent', async () => {
  const page = setup();
  await page.instance.onShow();
  await tap(page, '#toggle-create');

  await input(page, '#form-rows', '3');
  await input(page, '#form-gold', '500');
  await tap(page, '#create');

  expect(text(page, '#create-form')).toContain('Rows must be a whole number between 4 and 30.');
  expect(mocks.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: 'Rows must be a whole number between 4 and 30.' }));
  expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  page.instance.onUnload();
});

test('creating a room posts the choices and opens the game as its first player', async () => {
  const page = setup();
  await page.instance.onShow();
  answers = [{ status: 201, data: Object.assign({}, ROOMS[0], { id: 'n1' }) }];
  await tap(page, '#toggle-create');
  await input(page, '#form-rows', '5');
  await input(page, '#form-cols', '6');
  await input(page, '#form-gold', '4');
  await input(page, '#nickname', 'Bea');
  await page.querySelector('#form-rules').dispatchEvent('change', { detail: { value: '1' } });
  await Promise.resolve();

  await tap(page, '#create');
  await flush();

  const post = requests.find((r) => r.method === 'POST');
  expect(post.data).toEqual({ rows: 5, cols: 6, gold: 4, rules: 'flags' });
  expect(mocks.navigateTo).toHaveBeenCalledWith({ url: '/pages/game/game?room=n1&name=Bea' });
  expect(mocks.setStorageSync).toHaveBeenCalledWith('goldminer.nickname', 'Bea');
  page.instance.onUnload();
});

test("the server's problem is shown as a toast in its own words", async () => {
  const page = setup();
  await page.instance.onShow();
  answers = [{ status: 400, data: { title: 'Too much gold for this board.', status: 400, field: 'gold' } }];
  await tap(page, '#toggle-create');

  await page.instance.onCreate();

  expect(mocks.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: 'Too much gold for this board.', icon: 'none' }));
  expect(text(page, '#create-form')).toContain('Too much gold for this board.');
  expect(mocks.navigateTo).not.toHaveBeenCalled();
  page.instance.onUnload();
});
