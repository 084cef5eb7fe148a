/*
 * The game page: a thin shell over utils/game-client.js (socket, ordering, reconnect) and
 * utils/game-view.js (what to show). It draws the board as buttons, keeps the seat token of this
 * tab in sessionStorage so a reload takes the seat back, and asks before a leave forfeits.
 */
(function () {
  'use strict';

  const web = globalThis.GoldMinerWeb;
  const { board: boardModel, gameClient, gameView, webAdapter, config } = web.utils;
  const $ = (id) => document.getElementById(id);

  const TOAST_MS = 4000;
  const LEAVE_WAIT_MS = 2000;

  const params = new URLSearchParams(location.search);
  const roomId = params.get('room');
  const watching = params.get('watch') === '1';
  if (!roomId) {
    location.replace('/');
    return;
  }

  const main = $('game');
  const boardEl = $('board');
  const dialog = $('leave-dialog');
  const nickname = web.nickname();

  let client = null;
  let offs = [];
  let snap = null;
  let view = null;
  let leaving = null;
  let announcedDig = null;
  let overShown = false;
  let toastTimer = null;

  function start() {
    client = gameClient.createGameClient({
      url: config.current().ws,
      connect: webAdapter.socketConnector(WebSocket),
      room: roomId,
      name: nickname,
      token: watching ? null : web.seatToken.get(roomId),
      spectate: watching,
      socket: config.socket,
    });
    offs = [
      client.on('change', render),
      client.on('notice', (n) => toast(n.text)),
    ];
    client.start();
    render(client.snapshot());
  }

  function stop() {
    offs.forEach((off) => off());
    offs = [];
    if (client) client.close();
    client = null;
  }

  // ---- drawing ----

  const { playerName, describeValue } = web.boardView;
  const board = web.boardView.createBoardView(boardEl, (cell) => {
    if (!client || !client.dig(cell.row, cell.col)) explain(cell.row, cell.col);
  });

  function drawPlayers() {
    view.players.forEach((p) => {
      const li = main.querySelector('.player[data-seat="' + p.seat + '"]');
      const game = snap.game;
      const free = !game || !game.players[p.seat];
      const winner = !!game && game.status === 'finished' && game.winner === p.seat;
      li.className = p.cls + (p.isMe ? ' player-me' : '') + (free ? ' player-free' : '') + (winner ? ' player-winner' : '');
      web.setText(li.querySelector('.player-name'), p.name);
      web.setText(li.querySelector('.player-status'), p.status);
      web.setText(li.querySelector('.score-value'), String(p.score));
      web.setText(li.querySelector('.turn-flag'), winner ? 'winner' : p.isMe ? 'your turn' : 'digging');
    });
  }

  function drawOver() {
    const over = $('over');
    over.hidden = !view.over;
    if (!view.over) {
      overShown = false;
      return;
    }
    web.setText($('over-title'), view.over.title);
    web.setText($('over-detail'), view.over.detail);
    web.setText($('over-scores'), view.over.scores);
    over.className = 'over' + (snap.seat !== null && snap.game.winner === snap.seat ? ' over-win' : '');
    if (!overShown && !dialog.open) $('over-title').focus({ preventScroll: true });
    overShown = true;
  }

  function announce(game) {
    const dig = game.lastDig;
    if (!dig || dig === announcedDig) return;
    announcedDig = dig;
    const who = snap.seat === dig.by ? 'You' : playerName(game, dig.by);
    const value = game.cells[dig.row][dig.col];
    const what = value === boardModel.GOLD ? 'found gold!' : describeValue(game, dig.row, dig.col) + '.';
    const next = view.myTurn ? ' Your turn.' : '';
    web.setText($('announcer'), who + ' dug row ' + (dig.row + 1) + ', column ' + (dig.col + 1) + ': ' + what + next);
  }

  function render(next) {
    snap = next;
    view = gameView.gameView(snap);
    const game = snap.game;

    if (client && !watching) {
      if (snap.seat !== null && client.token) web.seatToken.set(roomId, client.token);
      else if (snap.mode === 'spectator') web.seatToken.clear(roomId);
    }

    main.dataset.phase = snap.phase;
    main.dataset.seat = snap.seat === null ? '' : String(snap.seat);
    main.dataset.status = view.status;
    main.dataset.myTurn = String(view.myTurn);
    main.dataset.seq = String(view.seq);
    main.dataset.connection = client ? client.socket.status : 'closed';

    web.setText($('room-title'), view.title);
    document.title = (view.myTurn ? '▶ Your turn · ' : '') + view.title + ' · GoldMiner';
    const meta = game
      ? [view.rules, game.rows + ' × ' + game.cols, view.goldLeft + ' of ' + view.goldTotal + ' gold left'].join(' · ')
      : 'Room ' + roomId;
    web.setText($('room-meta'), meta);
    const me = game && snap.seat !== null ? playerName(game, snap.seat) : nickname;
    web.setText($('you-are'), snap.seat === null ? (game ? 'Watching' : '') : 'Playing as ' + me);

    // game-client stops on a seat taken over (no reconnect, not even on resume); in a browser the
    // other connection is almost always another tab, so say that.
    const banner = view.canTakeBack
      ? { text: 'This seat is now being played in another tab or window.', cls: view.banner.cls }
      : view.banner;
    web.setText($('banner'), banner.text);
    $('banner').className = 'banner ' + banner.cls;
    // Once the game is over its panel says it all; the banner stays for every other state.
    $('banner').parentElement.hidden = !!view.over && snap.phase === 'joined';
    $('retry').hidden = !(view.canRetry || view.canTakeBack);
    web.setText($('retry'), view.canTakeBack ? 'Play here' : 'Reconnect');
    web.setText($('leave'), view.canLeave ? 'Leave room' : 'Back to the lobby');

    $('invite').hidden = !(game && game.status === 'waiting' && snap.seat !== null && snap.phase === 'joined');
    web.setText($('invite-url'), location.origin + '/game.html?room=' + encodeURIComponent(roomId));

    drawPlayers();
    if (game) {
      board.draw(game, view);
      announce(game);
    }
    drawOver();

    if (leaving && game) {
      const p = game.players[leaving.seat];
      if (!p || p.left) goToLobby();
    }
  }

  function toast(text) {
    const node = $('toast');
    web.setText(node, text);
    node.hidden = false;
    if (toastTimer !== null) clearTimeout(toastTimer);
    toastTimer = setTimeout(() => {
      toastTimer = null;
      node.hidden = true;
    }, TOAST_MS);
  }

  /** Says why a click on a cell did nothing, in the words of game-client's error texts. */
  function explain(row, col) {
    const game = snap && snap.game;
    if (!game || game.cells[row][col] !== null || snap.pendingDig) return;
    const text = gameClient.ERROR_TEXT;
    if (snap.seat === null) toast(text.spectator);
    else if (snap.phase === 'takenOver') toast(text.takenOver);
    else if (snap.phase !== 'joined') toast('Reconnecting, one moment…');
    else if (game.status === 'waiting') toast('Waiting for an opponent to join.');
    else if (game.status === 'finished') toast(text.gameOver);
    else if (game.turn !== snap.seat) toast(text.notYourTurn);
  }

  // ---- leaving ----

  function goToLobby() {
    if (leaving && leaving.timer) clearTimeout(leaving.timer);
    leaving = leaving || {};
    web.seatToken.clear(roomId);
    stop();
    location.href = '/';
  }

  function leaveNow() {
    const seat = snap ? snap.seat : null;
    if (!client || seat === null || !client.leave()) {
      goToLobby();
      return;
    }
    // Wait for our own playerLeft, so the leave is on the wire before the page goes.
    leaving = { seat, timer: setTimeout(goToLobby, LEAVE_WAIT_MS) };
  }

  $('leave').addEventListener('click', () => {
    if (!view || !view.canLeave) goToLobby();
    else if (view.forfeitOnLeave) {
      dialog.returnValue = '';
      dialog.showModal();
    } else leaveNow();
  });

  dialog.addEventListener('close', () => {
    if (dialog.returnValue === 'leave') leaveNow();
  });

  // Closing or reloading the tab keeps the seat for a while (the token takes it back), but a
  // player who wanders off mid-game forfeits later, so the browser asks first.
  window.addEventListener('beforeunload', (event) => {
    if (view && view.forfeitOnLeave && !leaving) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // "Reconnect" after giving up, or "Play here": take the seat back from the other tab on purpose.
  $('retry').addEventListener('click', () => {
    if (client) client.retry();
  });

  // A background tab's timers are throttled: do not judge the link meanwhile, check it on return.
  document.addEventListener('visibilitychange', () => {
    if (!client) return;
    if (document.hidden) client.pause();
    else client.resume();
  });
  window.addEventListener('online', () => {
    if (client) client.resume();
  });

  start();
})();
