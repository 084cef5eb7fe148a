/*
 * One seat (or a spectator's chair) at one room: joins over a resilient socket, keeps the game
 * model in step with the room's numbered events, and rejoins after a drop.
 *
 * Ordering: `welcome.state.seq` is the last event folded into the state. After it, an event
 * with seq <= the last one applied is a duplicate and is dropped; one that skips a number means
 * we missed something, so the client reconnects and rebuilds from the next `welcome` (a resync).
 * Events that arrive while a welcome is awaited are already inside that welcome's state.
 *
 * Phases: 'connecting', 'joined', 'reconnecting', 'failed' (gave up, or a refusal in `fatal`),
 * 'takenOver' (the server closed with 4000: this seat is played on a newer connection; nothing
 * reconnects by itself, not even a resume, until retry() takes the seat back on purpose), 'closed'.
 */
(function (root) {
  'use strict';

  const load = (name, file) => (root ? root[name] : require(file));
  const protocol = load('protocol', './protocol');
  const board = load('board', './board');
  const emitterModule = load('emitter', './emitter');
  const resilientSocket = load('resilientSocket', './resilient-socket');

  const ERROR_TEXT = {
    notYourTurn: 'It is not your turn.',
    alreadyDug: 'That cell has already been dug.',
    outOfBounds: 'That cell is not on the board.',
    notStarted: 'The game has not started yet.',
    gameOver: 'The game is over.',
    spectator: 'Spectators cannot dig.',
    rateLimited: 'Too fast, slow down a little.',
    roomFull: 'Both seats are taken: you are watching.',
    badToken: 'Your seat was given up: you are watching.',
    noSuchRoom: 'This room does not exist any more.',
    takenOver: 'This seat was taken over by another connection.',
  };

  /** The server closes a socket with 4000 when the seat's token was used on a newer one. */
  const SEAT_TAKEN_OVER = 4000;

  /** Join refusals after which watching is the best we can still offer. */
  const WATCH_INSTEAD = ['badToken', 'roomFull', 'gameOver'];

  function createGameClient(options) {
    const emitter = emitterModule.createEmitter();
    const room = options.room;
    const name = protocol.cleanName(options.name);
    let mode = options.spectate ? 'spectator' : 'player';
    let token = options.token || null;
    let seat = null;
    let game = null;
    let awaitingWelcome = true;
    let pendingDig = null;
    let fatal = null;
    let takenOver = false;
    let closed = false;
    let connection = { status: 'idle' };
    const stats = { duplicates: 0, gaps: 0, resyncs: 0, badFrames: 0, welcomes: 0 };

    const joinMessage = () => protocol.join({ room, name, token: mode === 'player' ? token : null, spectate: mode === 'spectator' });

    const socket = resilientSocket.createResilientSocket(Object.assign({}, options.socket, {
      finalCloseCodes: [SEAT_TAKEN_OVER],
      url: options.url,
      connect: options.connect,
      timers: options.timers,
      random: options.random,
      hello() {
        awaitingWelcome = true;
        return joinMessage();
      },
    }));

    const offs = [socket.on('message', onData), socket.on('status', onStatus), socket.on('close', onClose)];

    function onClose(info) {
      // Coming back would only take the seat back from the newer connection, and round we go.
      if (info.code === SEAT_TAKEN_OVER) {
        takenOver = true;
        notify('takenOver');
      }
    }

    function phase() {
      if (closed) return 'closed';
      if (takenOver) return 'takenOver';
      if (fatal || connection.status === 'failed' || connection.status === 'ended') return 'failed';
      if (connection.status === 'open' && !awaitingWelcome) return 'joined';
      return game ? 'reconnecting' : 'connecting';
    }

    function snapshot() {
      return {
        phase: phase(),
        mode,
        seat,
        room,
        name,
        game,
        pendingDig,
        fatal: takenOver ? ERROR_TEXT.takenOver : fatal,
        connection,
        stats: Object.assign({}, stats),
      };
    }

    function changed() {
      emitter.emit('change', snapshot());
    }

    function notify(code, text) {
      emitter.emit('notice', { code, text: text || ERROR_TEXT[code] || code });
    }

    function onStatus(status) {
      connection = status;
      // A dig in flight on a lost link may or may not have landed: the next welcome says which.
      if (status.status !== 'open') pendingDig = null;
      changed();
    }

    function onData(data) {
      const decoded = protocol.decode(data);
      if (!decoded.ok) {
        stats.badFrames += 1;
        return;
      }
      if (!decoded.known) return;
      const message = decoded.message;
      if (message.type === 'welcome') onWelcome(message);
      else if (message.type === 'error') onError(message);
      else if (protocol.isRoomEvent(message)) onEvent(message);
    }

    function onWelcome(message) {
      stats.welcomes += 1;
      seat = message.seat;
      if (seat === null) mode = 'spectator';
      else token = message.token || token;
      game = board.fromState(message.state);
      awaitingWelcome = false;
      pendingDig = null;
      changed();
    }

    function onEvent(message) {
      if (awaitingWelcome || !game) return;
      if (message.seq <= game.seq) {
        stats.duplicates += 1;
        return;
      }
      if (message.seq > game.seq + 1) {
        stats.gaps += 1;
        resync();
        return;
      }
      game = board.apply(game, message);
      if (message.type === 'dug' || message.type === 'gameOver') pendingDig = null;
      changed();
    }

    function onError(message) {
      if (awaitingWelcome) {
        onJoinRefused(message);
        return;
      }
      pendingDig = null;
      notify(message.code, message.message && !ERROR_TEXT[message.code] ? message.message : null);
      changed();
    }

    function onJoinRefused(message) {
      if (mode === 'player' && WATCH_INSTEAD.includes(message.code)) {
        mode = 'spectator';
        token = null;
        notify(message.code);
        socket.send(joinMessage());
      } else {
        fatal = ERROR_TEXT[message.code] || message.message || message.code;
        notify(message.code, fatal);
        socket.close();
      }
      changed();
    }

    function resync() {
      stats.resyncs += 1;
      socket.reconnectNow('resync');
    }

    function canDig(row, col) {
      return phase() === 'joined' && seat !== null && pendingDig === null && game.status === 'playing' &&
        game.turn === seat && board.inBounds(game, row, col) && game.cells[row][col] === null;
    }

    /** Sends a dig if it could be accepted; anything else is ignored and never sent. */
    function dig(row, col) {
      if (!canDig(row, col)) return false;
      pendingDig = { row, col };
      socket.send(protocol.dig(row, col));
      changed();
      return true;
    }

    /** Gives up the seat (a forfeit while playing). The caller closes afterwards. */
    function leave() {
      if (seat === null || phase() !== 'joined') return false;
      return socket.send(protocol.leave());
    }

    /** Starts over after giving up, or takes a seat that was taken over back, on purpose. */
    function retry() {
      if (closed) return;
      takenOver = false;
      socket.reconnectNow('retry');
    }

    function close() {
      if (closed) return;
      closed = true;
      offs.forEach((off) => off());
      socket.destroy();
      emitter.clear();
    }

    return {
      start: () => socket.start(),
      retry,
      pause: () => socket.pause(),
      resume: () => socket.resume(),
      dig,
      canDig,
      leave,
      close,
      snapshot,
      on: emitter.on,
      off: emitter.off,
      get token() { return token; },
      get socket() { return socket; },
    };
  }

  const api = { ERROR_TEXT, createGameClient };
  if (root) root.gameClient = api; else module.exports = api;
})(typeof module === 'object' && module.exports ? null : (globalThis.GoldMinerUtils = globalThis.GoldMinerUtils || {}));
