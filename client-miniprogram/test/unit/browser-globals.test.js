/*
 * utils/ must also load as plain <script> tags in a browser page (the web client reuses them):
 * no `module`, no `require`, no `wx`. Run every file in a bare VM context, in dependency order,
 * and play a little through globalThis.GoldMinerUtils.
 */
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { connector } = require('../support/fake-socket');

const ORDER = ['config', 'protocol', 'emitter', 'board', 'resilient-socket', 'game-client', 'game-view', 'lobby', 'web-adapter', 'wx-adapter'];

function loadAsScripts() {
  const context = vm.createContext({ setTimeout, clearTimeout, console, JSON, Math });
  for (const name of ORDER) {
    const file = path.join(__dirname, '../../utils', name + '.js');
    vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
  }
  return context;
}

test('every utils file is listed here, so none is forgotten', () => {
  const files = fs.readdirSync(path.join(__dirname, '../../utils')).map((f) => f.replace(/\.js$/, '')).sort();

  expect(files).toEqual(ORDER.slice().sort());
});

test('each module lands on globalThis.GoldMinerUtils without module or require', () => {
  const context = loadAsScripts();

  expect(Object.keys(context.GoldMinerUtils).sort()).toEqual([
    'board', 'config', 'emitter', 'gameClient', 'gameView', 'lobby', 'protocol', 'resilientSocket', 'webAdapter', 'wxAdapter',
  ]);
  expect(context.require).toBeUndefined();
  expect(context.wx).toBeUndefined();
});

test('the browser copy of the game client joins and digs', () => {
  const utils = loadAsScripts().GoldMinerUtils;
  const fake = connector();
  const client = utils.gameClient.createGameClient({ url: 'ws://h/ws', connect: fake.connect, room: 'r1', name: 'Web' });
  client.start();
  fake.last.open();
  fake.last.receive({ type: 'welcome', room: 'r1', seat: 0, token: 't', state: utils.board.stateFromPicture('..\n..') });

  client.dig(1, 1);

  expect(fake.last.types).toEqual(['join', 'dig']);
  expect(utils.gameView.gameView(client.snapshot()).banner.text).toBe('Digging…');
  client.close();
});
