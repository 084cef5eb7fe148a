/*
 * The wire contract of ../shared/protocol.md, client side: building the messages we send and
 * checking the ones we receive. A message that fails its check is reported, never thrown, so a
 * bad frame cannot take the page down.
 */
(function (root) {
  'use strict';

  /** Keeps every frame we send far below the server's 4 KiB limit. */
  const MAX_NAME_LENGTH = 24;

  const ERROR_CODES = [
    'badMessage', 'unknownType', 'noSuchRoom', 'roomFull', 'notJoined', 'alreadyJoined', 'badToken',
    'notYourTurn', 'notStarted', 'alreadyDug', 'outOfBounds', 'gameOver', 'spectator', 'rateLimited',
  ];

  const isInt = (v) => typeof v === 'number' && Number.isInteger(v);
  const isSeat = (v) => v === 0 || v === 1;
  const isSeatOrNull = (v) => v === null || isSeat(v);
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const isCellValue = (v) => isInt(v) && v >= -1 && v <= 8;
  const isScores = (v) => Array.isArray(v) && v.length === 2 && v.every(isInt);

  function checkBoard(board, rows, cols, allowNull) {
    if (!Array.isArray(board) || board.length !== rows) return 'board has the wrong number of rows';
    for (const line of board) {
      if (!Array.isArray(line) || line.length !== cols) return 'board has a row of the wrong length';
      for (const v of line) {
        if (!(isCellValue(v) || (allowNull && v === null))) return 'board holds a bad cell value';
      }
    }
    return null;
  }

  function checkPlayer(p) {
    return isObject(p) && isSeat(p.seat) && typeof p.name === 'string' && isInt(p.score);
  }

  function checkState(s) {
    if (!isObject(s)) return 'state missing';
    if (!isInt(s.rows) || !isInt(s.cols) || s.rows < 1 || s.cols < 1) return 'state has a bad size';
    if (!['waiting', 'playing', 'finished'].includes(s.status)) return 'state has a bad status';
    if (!isInt(s.seq) || s.seq < 0) return 'state has a bad seq';
    if (!isInt(s.goldLeft) || !isInt(s.gold)) return 'state has bad gold counts';
    if (s.turn !== undefined && !isSeatOrNull(s.turn)) return 'state has a bad turn';
    if (!Array.isArray(s.players) || !s.players.every(checkPlayer)) return 'state has bad players';
    if (!Array.isArray(s.found) || !s.found.every((f) => isObject(f) && isInt(f.row) && isInt(f.col) && isSeat(f.by))) {
      return 'state has bad found gold';
    }
    return checkBoard(s.board, s.rows, s.cols, true);
  }

  const seqOk = (m) => (isInt(m.seq) && m.seq >= 1 ? null : 'bad seq');

  /** One check per server message type; each returns null when the message is well formed. */
  const checks = {
    welcome: (m) => {
      if (!isSeatOrNull(m.seat)) return 'bad seat';
      if (m.token !== undefined && m.token !== null && typeof m.token !== 'string') return 'bad token';
      return checkState(m.state);
    },
    playerJoined: (m) => seqOk(m) || (isSeat(m.seat) && typeof m.name === 'string' ? null : 'bad player'),
    gameStarted: (m) => seqOk(m) || (isSeat(m.turn) ? null : 'bad turn'),
    dug: (m) => {
      if (seqOk(m)) return seqOk(m);
      if (!isSeat(m.by) || !isInt(m.row) || !isInt(m.col)) return 'bad dig';
      if (!Array.isArray(m.cells) || !m.cells.every((c) => isObject(c) && isInt(c.row) && isInt(c.col) && isCellValue(c.value))) {
        return 'bad cells';
      }
      if (!isScores(m.scores) || !isInt(m.goldLeft)) return 'bad scores';
      return isSeatOrNull(m.turn) ? null : 'bad turn';
    },
    gameOver: (m) => {
      if (seqOk(m)) return seqOk(m);
      if (!isScores(m.scores) || !isSeatOrNull(m.winner) || typeof m.reason !== 'string') return 'bad result';
      if (!Array.isArray(m.board) || m.board.length === 0) return 'bad board';
      return checkBoard(m.board, m.board.length, Array.isArray(m.board[0]) ? m.board[0].length : 0, false);
    },
    playerOffline: (m) => seqOk(m) || (isSeat(m.seat) ? null : 'bad seat'),
    playerOnline: (m) => seqOk(m) || (isSeat(m.seat) ? null : 'bad seat'),
    playerLeft: (m) => seqOk(m) || (isSeat(m.seat) ? null : 'bad seat'),
    error: (m) => (typeof m.code === 'string' ? null : 'bad code'),
    pong: () => null,
  };

  /**
   * Decodes one text frame. Answers { ok: true, message, known } or { ok: false, error };
   * `known` is false for a well-formed message of a type this client does not know (the server
   * may add messages), which callers ignore.
   */
  function decode(data) {
    if (typeof data !== 'string') return { ok: false, error: 'not a text frame' };
    let message;
    try {
      message = JSON.parse(data);
    } catch (e) {
      return { ok: false, error: 'not JSON: ' + e.message };
    }
    if (!isObject(message) || typeof message.type !== 'string') return { ok: false, error: 'no type' };
    const check = Object.prototype.hasOwnProperty.call(checks, message.type) ? checks[message.type] : null;
    if (!check) return { ok: true, message, known: false };
    const problem = check(message);
    return problem ? { ok: false, error: message.type + ': ' + problem } : { ok: true, message, known: true };
  }

  /** True for the messages numbered by the room's `seq`. */
  function isRoomEvent(message) {
    return isInt(message.seq) && message.type !== 'welcome';
  }

  function cleanName(name) {
    const trimmed = String(name === undefined || name === null ? '' : name).trim();
    return (trimmed || 'Player').slice(0, MAX_NAME_LENGTH);
  }

  function join(options) {
    const message = { type: 'join', room: options.room, name: cleanName(options.name) };
    if (options.token) message.token = options.token;
    if (options.spectate) message.spectate = true;
    return message;
  }

  const dig = (row, col) => ({ type: 'dig', row, col });
  const leave = () => ({ type: 'leave' });
  const ping = () => ({ type: 'ping' });

  const api = { MAX_NAME_LENGTH, ERROR_CODES, decode, isRoomEvent, cleanName, join, dig, leave, ping };
  if (root) root.protocol = api; else module.exports = api;
})(typeof module === 'object' && module.exports ? null : (globalThis.GoldMinerUtils = globalThis.GoldMinerUtils || {}));
