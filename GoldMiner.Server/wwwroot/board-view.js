/*
 * The board as buttons: one <button> per cell with an aria-label, a single Tab stop (roving
 * tabindex) and arrow keys to move. Classes and texts come from utils/game-view.js; this file
 * only adds what a browser needs on top: labels, keyboard, and `data-state` for tests.
 */
(function () {
  'use strict';

  const web = globalThis.GoldMinerWeb;
  const boardModel = web.utils.board;

  function playerName(game, seat) {
    const p = game && game.players[seat];
    return p ? p.name : 'Seat ' + (seat + 1);
  }

  /** `hidden`, `n0`..`n8`, `gold-p0` / `gold-p1` (by finder) or `gold-none` (revealed at the end). */
  function cellState(game, row, col) {
    const value = boardModel.visibleValue(game, row, col);
    if (value === null) return 'hidden';
    if (value === boardModel.GOLD) {
      const by = game.foundBy[row][col];
      return by === null ? 'gold-none' : 'gold-p' + by;
    }
    return 'n' + value;
  }

  function describeValue(game, row, col) {
    const value = boardModel.visibleValue(game, row, col);
    if (value === null) return 'not dug';
    if (value === boardModel.GOLD) {
      const by = game.foundBy[row][col];
      return by === null ? 'gold, not found' : 'gold found by ' + playerName(game, by);
    }
    if (value === 0) return 'empty';
    return value + ' gold nearby';
  }

  function cellLabel(game, row, col) {
    const last = game.lastDig && game.lastDig.row === row && game.lastDig.col === col ? ', last dig' : '';
    return 'Row ' + (row + 1) + ', column ' + (col + 1) + ': ' + describeValue(game, row, col) + last;
  }

  /** Draws into `element`; `onCell({row, col})` is called for a click, a tap, Enter or Space. */
  function createBoardView(element, onCell) {
    let grid = null;
    let focus = { row: 0, col: 0 };

    function build(rows, cols) {
      element.replaceChildren();
      element.style.setProperty('--cols', cols);
      element.style.setProperty('--rows', rows);
      element.setAttribute('aria-label', 'Board, ' + rows + ' rows by ' + cols + ' columns');
      focus = { row: Math.min(focus.row, rows - 1), col: Math.min(focus.col, cols - 1) };
      const buttons = [];
      for (let r = 0; r < rows; r++) {
        const line = [];
        for (let c = 0; c < cols; c++) {
          const b = document.createElement('button');
          b.type = 'button';
          b.dataset.row = r;
          b.dataset.col = c;
          b.tabIndex = r === focus.row && c === focus.col ? 0 : -1;
          element.append(b);
          line.push(b);
        }
        buttons.push(line);
      }
      grid = { rows, cols, buttons };
    }

    /** Brings the buttons in line with a game and its game-view; only what changed is touched. */
    function draw(game, view) {
      if (!grid || grid.rows !== game.rows || grid.cols !== game.cols) build(game.rows, game.cols);
      view.grid.forEach((line, r) => line.cells.forEach((cell, c) => {
        const b = grid.buttons[r][c];
        if (b.className !== cell.cls) b.className = cell.cls;
        web.setText(b, cell.text);
        const label = cellLabel(game, r, c);
        if (b.getAttribute('aria-label') !== label) b.setAttribute('aria-label', label);
        const state = cellState(game, r, c);
        if (b.dataset.state !== state) b.dataset.state = state;
        const disabled = String(!(view.myTurn && game.cells[r][c] === null));
        if (b.getAttribute('aria-disabled') !== disabled) b.setAttribute('aria-disabled', disabled);
      }));
      element.classList.toggle('my-turn', view.myTurn);
    }

    function setFocus(row, col, move) {
      if (!grid) return;
      const r = Math.max(0, Math.min(grid.rows - 1, row));
      const c = Math.max(0, Math.min(grid.cols - 1, col));
      grid.buttons[focus.row][focus.col].tabIndex = -1;
      focus = { row: r, col: c };
      grid.buttons[r][c].tabIndex = 0;
      if (move) grid.buttons[r][c].focus();
    }

    function cellOf(target) {
      const b = target.closest && target.closest('button[data-row]');
      return b && element.contains(b) ? { row: Number(b.dataset.row), col: Number(b.dataset.col) } : null;
    }

    element.addEventListener('click', (event) => {
      const cell = cellOf(event.target);
      if (!cell) return;
      setFocus(cell.row, cell.col, false);
      onCell(cell);
    });

    element.addEventListener('keydown', (event) => {
      const cell = cellOf(event.target);
      if (!cell || !grid || event.altKey || event.metaKey) return;
      let { row, col } = cell;
      switch (event.key) {
        case 'ArrowUp': row -= 1; break;
        case 'ArrowDown': row += 1; break;
        case 'ArrowLeft': col -= 1; break;
        case 'ArrowRight': col += 1; break;
        case 'Home': col = 0; if (event.ctrlKey) row = 0; break;
        case 'End': col = grid.cols - 1; if (event.ctrlKey) row = grid.rows - 1; break;
        case 'PageUp': row = 0; break;
        case 'PageDown': row = grid.rows - 1; break;
        default: return;
      }
      event.preventDefault();
      setFocus(row, col, true);
    });

    return { draw };
  }

  web.boardView = { createBoardView, describeValue, playerName };
})();
