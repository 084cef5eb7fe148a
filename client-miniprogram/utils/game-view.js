/*
 * What the game page shows, computed from a game-client snapshot. Plain data for setData, so
 * the page stays a thin shell and everything shown can be checked in Node.
 */
(function (root) {
  'use strict';

  const board = root ? root.board : require('./board');

  const RULES_LABEL = { classic: 'Classic', flags: 'Flags' };
  const REASON_TEXT = {
    allGoldFound: 'All the gold has been found.',
    majority: 'more than half of the gold.',
    forfeit: 'left the game.',
  };

  /** Cell size in rpx (the screen is 750rpx wide): a 9x9 board fits, big boards scroll. */
  function cellSize(cols) {
    return Math.max(56, Math.min(76, Math.floor(690 / cols)));
  }

  function playerName(game, seat) {
    const p = game && game.players[seat];
    return p ? p.name : 'Seat ' + (seat + 1);
  }

  function cellView(game, row, col, snap, mine) {
    const dug = game.cells[row][col];
    const value = board.visibleValue(game, row, col);
    const classes = ['cell'];
    let text = '';
    if (value === null) {
      classes.push('hidden');
      if (mine) classes.push('tappable');
    } else {
      if (dug === null) classes.push('unrevealed');
      if (value === board.GOLD) {
        const by = game.foundBy[row][col];
        classes.push('gold', by === null ? 'gold-none' : 'gold-p' + by);
        text = '★';
      } else if (value === 0) {
        classes.push('zero');
      } else {
        classes.push('n' + value);
        text = String(value);
      }
    }
    const last = game.lastDig;
    if (last && last.row === row && last.col === col) classes.push('last');
    const pending = snap.pendingDig;
    if (pending && pending.row === row && pending.col === col) classes.push('pending');
    return { key: col, row, col, text, cls: classes.join(' ') };
  }

  function gridView(game, snap, mine) {
    const rows = [];
    for (let r = 0; r < game.rows; r++) {
      const cells = [];
      for (let c = 0; c < game.cols; c++) cells.push(cellView(game, r, c, snap, mine));
      rows.push({ key: r, cells });
    }
    return rows;
  }

  function bannerView(snap, mine) {
    const game = snap.game;
    switch (snap.phase) {
      case 'closed': return { text: 'Left the room', cls: 'banner-info' };
      case 'failed': return { text: snap.fatal || 'Cannot reach the server.', cls: 'banner-error' };
      case 'takenOver': return { text: snap.fatal, cls: 'banner-warn' };
      case 'connecting': return { text: 'Connecting…', cls: 'banner-info' };
      case 'reconnecting': {
        const c = snap.connection;
        const attempt = c.status === 'waiting' ? ' (attempt ' + c.attempt + ')' : '';
        return { text: 'Connection lost, reconnecting' + attempt + '…', cls: 'banner-warn' };
      }
      default: break;
    }
    if (game.status === 'waiting') {
      return { text: snap.seat === null ? 'Waiting for players…' : 'Waiting for an opponent…', cls: 'banner-info' };
    }
    if (game.status === 'finished') return { text: 'Game over', cls: 'banner-info' };
    if (mine) return { text: 'Your turn: dig a cell!', cls: 'banner-mine' };
    if (snap.pendingDig) return { text: 'Digging…', cls: 'banner-mine' };
    return { text: playerName(game, game.turn) + (snap.seat === null ? ' is digging' : "'s turn, please wait"), cls: 'banner-theirs' };
  }

  function overView(snap) {
    const game = snap.game;
    if (!game || game.status !== 'finished') return null;
    let title;
    if (game.winner === null) title = "It's a tie!";
    else if (snap.seat === null) title = playerName(game, game.winner) + ' wins!';
    else title = game.winner === snap.seat ? 'You win!' : 'You lose';
    let detail = '';
    if (game.reason === 'allGoldFound') detail = REASON_TEXT.allGoldFound;
    else if (game.reason === 'majority' && game.winner !== null) detail = playerName(game, game.winner) + ' holds ' + REASON_TEXT.majority;
    else if (game.reason === 'forfeit' && game.winner !== null) detail = playerName(game, 1 - game.winner) + ' ' + REASON_TEXT.forfeit;
    const scores = game.players.map((p, seat) => playerName(game, seat) + ' ' + (p ? p.score : 0)).join(' : ');
    return { title, detail, scores };
  }

  function playersView(snap) {
    const game = snap.game;
    return [0, 1].map((seat) => {
      const p = game ? game.players[seat] : null;
      const isTurn = !!game && game.status === 'playing' && game.turn === seat;
      const isMe = snap.seat === seat;
      const classes = ['player', 'player-p' + seat];
      if (isTurn) classes.push('player-turn');
      if (p && !p.online) classes.push('player-offline');
      return {
        seat,
        name: p ? p.name + (isMe ? ' (you)' : '') : 'Free seat',
        score: p ? p.score : 0,
        status: !p ? '' : p.left ? 'left' : p.online ? '' : 'offline',
        isTurn,
        isMe,
        cls: classes.join(' '),
      };
    });
  }

  /** The page's data for a snapshot. */
  function gameView(snap) {
    const game = snap.game;
    const joined = snap.phase === 'joined';
    const mine = joined && !!game && snap.seat !== null && game.status === 'playing' && game.turn === snap.seat && !snap.pendingDig;
    const size = game ? cellSize(game.cols) : 76;
    // A seat taken over is played elsewhere now: leaving this page must not give it up.
    const holdsSeat = snap.seat !== null && snap.phase !== 'takenOver';
    return {
      ready: !!game,
      phase: snap.phase,
      spectator: snap.seat === null,
      title: game ? game.name || 'Room ' + game.room : 'Room',
      rules: game ? RULES_LABEL[game.rules] || game.rules : '',
      banner: bannerView(snap, mine),
      myTurn: mine,
      players: playersView(snap),
      goldLeft: game ? game.goldLeft : 0,
      goldTotal: game ? game.gold : 0,
      grid: game ? gridView(game, snap, mine) : [],
      cellSize: size,
      boardWidth: game ? size * game.cols : 0,
      boardHeight: game ? size * game.rows : 0,
      // scroll-view needs a fixed height; past ~13 rows of cells the board scrolls inside it.
      scrollHeight: game ? Math.min(size * game.rows, 980) : 0,
      over: overView(snap),
      canRetry: snap.phase === 'failed' && !snap.fatal,
      canTakeBack: snap.phase === 'takenOver',
      status: game ? game.status : 'waiting',
      canLeave: holdsSeat && !!game && game.status !== 'finished',
      forfeitOnLeave: holdsSeat && !!game && game.status === 'playing',
      seq: game ? game.seq : 0,
    };
  }

  const api = { cellSize, gameView };
  if (root) root.gameView = api; else module.exports = api;
})(typeof module === 'object' && module.exports ? null : (globalThis.GoldMinerUtils = globalThis.GoldMinerUtils || {}));
