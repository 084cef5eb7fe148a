/*
 * The HTTP lobby of ../shared/protocol.md over an injected `request(options) -> Promise<{status,
 * data}>` (utils/wx-adapter.js wraps wx.request, utils/web-adapter.js wraps fetch).
 */
(function (root) {
  'use strict';

  const LIMITS = { minSize: 4, maxSize: 30, defaultRows: 9, defaultCols: 9, defaultGold: 10, maxNameLength: 40 };
  const RULES = ['classic', 'flags'];
  const STATUS_LABEL = { waiting: 'Waiting', playing: 'Playing', finished: 'Finished' };

  /** A lobby failure a person can read: `message` is the server's problem title (and detail). */
  class LobbyError extends Error {
    constructor(message, fields) {
      super(message);
      this.name = 'LobbyError';
      Object.assign(this, { status: 0, network: false, field: null }, fields || {});
    }
  }

  function problemMessage(status, data) {
    if (data && typeof data === 'object') {
      const parts = [data.title, data.detail].filter((s) => typeof s === 'string' && s.trim());
      if (data.errors && typeof data.errors === 'object') {
        Object.keys(data.errors).forEach((k) => {
          const v = data.errors[k];
          parts.push(k + ': ' + (Array.isArray(v) ? v.join(' ') : String(v)));
        });
      }
      if (parts.length) return Array.from(new Set(parts)).join(' — ');
    }
    if (typeof data === 'string' && data.trim() && data.length < 200) return data.trim();
    return 'The server answered ' + status + '.';
  }

  function fieldOf(data) {
    if (!data || typeof data !== 'object') return null;
    if (typeof data.field === 'string') return data.field;
    if (data.errors && typeof data.errors === 'object') {
      const keys = Object.keys(data.errors);
      if (keys.length) return keys[0].charAt(0).toLowerCase() + keys[0].slice(1);
    }
    return null;
  }

  function toInt(v) {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v);
    return NaN;
  }

  /**
   * Checks a create-room form before it is sent. Answers { ok, value, errors } where errors maps
   * a field to a sentence; `value` is the request body.
   */
  function validateRoomOptions(input) {
    const form = input || {};
    const errors = {};
    const rows = form.rows === undefined || form.rows === '' ? LIMITS.defaultRows : toInt(form.rows);
    const cols = form.cols === undefined || form.cols === '' ? LIMITS.defaultCols : toInt(form.cols);
    const gold = form.gold === undefined || form.gold === '' ? LIMITS.defaultGold : toInt(form.gold);
    const rules = form.rules || 'classic';
    const name = typeof form.name === 'string' ? form.name.trim() : '';
    const sizeText = 'between ' + LIMITS.minSize + ' and ' + LIMITS.maxSize;
    if (!Number.isInteger(rows) || rows < LIMITS.minSize || rows > LIMITS.maxSize) errors.rows = 'Rows must be a whole number ' + sizeText + '.';
    if (!Number.isInteger(cols) || cols < LIMITS.minSize || cols > LIMITS.maxSize) errors.cols = 'Columns must be a whole number ' + sizeText + '.';
    if (!errors.rows && !errors.cols) {
      const max = rows * cols - 1;
      if (!Number.isInteger(gold) || gold < 1 || gold > max) errors.gold = 'Gold must be between 1 and ' + max + '.';
    } else if (!Number.isInteger(gold) || gold < 1) {
      errors.gold = 'Gold must be a whole number of at least 1.';
    }
    if (!RULES.includes(rules)) errors.rules = 'Rules must be classic or flags.';
    if (name.length > LIMITS.maxNameLength) errors.name = 'The name can have at most ' + LIMITS.maxNameLength + ' characters.';
    const value = { rows, cols, gold, rules };
    if (name) value.name = name;
    return { ok: Object.keys(errors).length === 0, value, errors };
  }

  /** A room summary as the home page lists it. */
  function describeRoom(room) {
    const players = (room.players || []).slice().sort((a, b) => a.seat - b.seat);
    const names = [0, 1].map((seat) => {
      const p = players.find((x) => x.seat === seat);
      return p ? p.name + (p.online === false ? ' (offline)' : '') : '—';
    });
    const action = room.status === 'waiting' ? 'play' : 'watch';
    return {
      id: String(room.id),
      name: room.name || 'Room ' + room.id,
      size: room.rows + ' × ' + room.cols,
      gold: room.gold,
      rules: room.rules === 'flags' ? 'Flags' : 'Classic',
      players: names.join(' vs '),
      scores: players.length === 2 && room.status !== 'waiting' ? players.map((p) => p.score).join(' : ') : '',
      status: room.status,
      statusLabel: STATUS_LABEL[room.status] || room.status,
      action,
      actionLabel: action === 'play' ? 'Play' : 'Watch',
      spectators: room.spectators || 0,
    };
  }

  function createLobby(options) {
    const base = String(options.baseUrl).replace(/\/+$/, '');
    const request = options.request;

    function call(method, path, body) {
      const req = { url: base + path, method, header: { Accept: 'application/json' } };
      if (body !== undefined) {
        req.data = body;
        req.header['Content-Type'] = 'application/json';
      }
      return Promise.resolve()
        .then(() => request(req))
        .catch((e) => {
          throw new LobbyError('Cannot reach the server' + (e && e.message ? ' (' + e.message + ')' : '') + '.', { network: true });
        })
        .then((res) => {
          if (res.status >= 200 && res.status < 300) return res.data;
          throw new LobbyError(problemMessage(res.status, res.data), { status: res.status, field: fieldOf(res.data) });
        });
    }

    return {
      listRooms() {
        return call('GET', '/api/rooms').then((rooms) => {
          if (!Array.isArray(rooms)) throw new LobbyError('The server sent a bad room list.', { status: 200 });
          return rooms;
        });
      },
      getRoom: (id) => call('GET', '/api/rooms/' + encodeURIComponent(id)),
      createRoom(form) {
        const checked = validateRoomOptions(form);
        if (!checked.ok) {
          const field = Object.keys(checked.errors)[0];
          return Promise.reject(new LobbyError(checked.errors[field], { field }));
        }
        return call('POST', '/api/rooms', checked.value);
      },
    };
  }

  const api = { LIMITS, RULES, LobbyError, validateRoomOptions, describeRoom, createLobby, problemMessage };
  if (root) root.lobby = api; else module.exports = api;
})(typeof module === 'object' && module.exports ? null : (globalThis.GoldMinerUtils = globalThis.GoldMinerUtils || {}));
