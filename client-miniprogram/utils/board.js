/*
 * The game as this client knows it: built from a `welcome` state, moved on by room events.
 * Every function is pure (it returns a new game and never touches its input), so a page can keep
 * the old snapshot and tests can compare before and after.
 *
 * A game: { room, name, rules, status, rows, cols, gold, goldLeft, turn, seq, winner, reason,
 *           players: [player|null, player|null], cells: [[value|null]], foundBy: [[seat|null]],
 *           finalBoard: [[value]]|null, lastDig: {row, col, by}|null }
 */
(function (root) {
  'use strict';

  const GOLD = -1;

  const grid = (rows, cols, fill) => Array.from({ length: rows }, () => new Array(cols).fill(fill));
  const copyGrid = (g) => g.map((line) => line.slice());

  function playerSlots(players) {
    const slots = [null, null];
    for (const p of players || []) {
      slots[p.seat] = { seat: p.seat, name: p.name, score: p.score || 0, online: p.online !== false, left: false };
    }
    return slots;
  }

  /** A game from the `state` of a `welcome` message. */
  function fromState(state) {
    const foundBy = grid(state.rows, state.cols, null);
    for (const f of state.found || []) foundBy[f.row][f.col] = f.by;
    return {
      room: state.room,
      name: state.name || '',
      rules: state.rules || 'classic',
      status: state.status,
      rows: state.rows,
      cols: state.cols,
      gold: state.gold,
      goldLeft: state.goldLeft,
      turn: state.turn === undefined ? null : state.turn,
      seq: state.seq,
      winner: state.winner === undefined ? null : state.winner,
      reason: state.reason || null,
      players: playerSlots(state.players),
      cells: copyGrid(state.board),
      foundBy,
      finalBoard: null,
      // docs/protocol.md adds lastDig (and reason) to the state so a (re)join can draw them too.
      lastDig: validLastDig(state.lastDig, state.rows, state.cols),
    };
  }

  function validLastDig(d, rows, cols) {
    if (!d || typeof d !== 'object' || !Number.isInteger(d.row) || !Number.isInteger(d.col)) return null;
    if (d.row < 0 || d.col < 0 || d.row >= rows || d.col >= cols) return null;
    return { row: d.row, col: d.col, by: d.by === 0 || d.by === 1 ? d.by : null };
  }

  function withScores(players, scores) {
    return players.map((p, seat) => (p ? Object.assign({}, p, { score: scores[seat] }) : p));
  }

  function withPlayer(players, seat, change) {
    return players.map((p, i) => (i === seat && p ? Object.assign({}, p, change) : p));
  }

  const appliers = {
    playerJoined(game, m) {
      const players = game.players.slice();
      players[m.seat] = { seat: m.seat, name: m.name, score: 0, online: true, left: false };
      return { players };
    },
    gameStarted(game, m) {
      return { status: 'playing', turn: m.turn };
    },
    dug(game, m) {
      const cells = copyGrid(game.cells);
      const foundBy = copyGrid(game.foundBy);
      for (const c of m.cells) {
        if (c.row < 0 || c.row >= game.rows || c.col < 0 || c.col >= game.cols) continue;
        cells[c.row][c.col] = c.value;
        if (c.value === GOLD) foundBy[c.row][c.col] = m.by;
      }
      return {
        cells,
        foundBy,
        players: withScores(game.players, m.scores),
        goldLeft: m.goldLeft,
        turn: m.turn,
        lastDig: { row: m.row, col: m.col, by: m.by },
      };
    },
    gameOver(game, m) {
      return {
        status: 'finished',
        turn: null,
        winner: m.winner,
        reason: m.reason,
        players: withScores(game.players, m.scores),
        finalBoard: copyGrid(m.board),
      };
    },
    playerOffline: (game, m) => ({ players: withPlayer(game.players, m.seat, { online: false }) }),
    playerOnline: (game, m) => ({ players: withPlayer(game.players, m.seat, { online: true }) }),
    playerLeft(game, m) {
      if (game.status === 'waiting') {
        const players = game.players.slice();
        players[m.seat] = null;
        return { players };
      }
      return { players: withPlayer(game.players, m.seat, { online: false, left: true }) };
    },
  };

  /** The game after one room event; events this model does not know only move `seq`. */
  function apply(game, message) {
    const applier = Object.prototype.hasOwnProperty.call(appliers, message.type) ? appliers[message.type] : null;
    const change = applier ? applier(game, message) : {};
    return Object.assign({}, game, change, { seq: message.seq });
  }

  /** The value shown for a cell: what was dug, or after the end the whole board. */
  function visibleValue(game, row, col) {
    const dug = game.cells[row][col];
    if (dug !== null) return dug;
    return game.finalBoard ? game.finalBoard[row][col] : null;
  }

  function inBounds(game, row, col) {
    return Number.isInteger(row) && Number.isInteger(col) && row >= 0 && col >= 0 && row < game.rows && col < game.cols;
  }

  /**
   * A `welcome` state from a picture, one text line per row, for tests:
   * `.` not dug, `0`-`8` a dug number, `a` / `b` gold found by seat 0 / 1.
   */
  function stateFromPicture(text, extra) {
    const lines = text.trim().split('\n').map((l) => l.trim());
    const rows = lines.length;
    const cols = lines[0].length;
    const board = grid(rows, cols, null);
    const found = [];
    const scores = [0, 0];
    lines.forEach((line, r) => {
      if (line.length !== cols) throw new Error('row ' + r + ' has ' + line.length + ' cells, expected ' + cols);
      [...line].forEach((ch, c) => {
        if (ch === '.') return;
        if (ch === 'a' || ch === 'b') {
          const by = ch === 'a' ? 0 : 1;
          board[r][c] = GOLD;
          found.push({ row: r, col: c, by });
          scores[by] += 1;
        } else if (/^[0-8]$/.test(ch)) {
          board[r][c] = Number(ch);
        } else {
          throw new Error('unknown cell "' + ch + '"');
        }
      });
    });
    const state = Object.assign({
      room: 'r1', name: 'test', rules: 'classic', status: 'playing', rows, cols, gold: found.length + 1,
      turn: 0, seq: 2,
      players: [{ seat: 0, name: 'Ann', score: scores[0], online: true }, { seat: 1, name: 'Bob', score: scores[1], online: true }],
      board, found,
    }, extra || {});
    if (state.goldLeft === undefined) state.goldLeft = state.gold - found.length;
    return state;
  }

  /** A game from a picture (see stateFromPicture). */
  function parse(text, extra) {
    return fromState(stateFromPicture(text, extra));
  }

  /** The inverse of `parse` for the dug cells: what a test compares against. */
  function format(game) {
    return game.cells.map((line, r) => line.map((v, c) => {
      if (v === null) return '.';
      if (v === GOLD) return game.foundBy[r][c] === 1 ? 'b' : 'a';
      return String(v);
    }).join('')).join('\n');
  }

  const api = { GOLD, fromState, apply, visibleValue, inBounds, stateFromPicture, parse, format };
  if (root) root.board = api; else module.exports = api;
})(typeof module === 'object' && module.exports ? null : (globalThis.GoldMinerUtils = globalThis.GoldMinerUtils || {}));
