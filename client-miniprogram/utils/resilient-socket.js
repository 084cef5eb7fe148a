/*
 * One WebSocket that looks after itself, over any SocketTask-like object (WeChat's
 * wx.connectSocket task, or a browser WebSocket wrapped by utils/web-adapter.js):
 * { send({data, fail}), close({code, reason}), onOpen(fn), onMessage(fn), onClose(fn), onError(fn) }.
 *
 * - Messages sent before the socket opens are queued and flushed in order right after `hello`
 *   (the join message, rebuilt on every connection so it carries the latest seat token).
 * - Heartbeat: a `ping` every heartbeatMs; if nothing at all arrives within pongTimeoutMs of it,
 *   the connection is declared dead and replaced.
 * - An unexpected close reconnects after an exponential backoff with jitter, up to a retry cap;
 *   the count resets once a new connection has heard from the server.
 *
 * Statuses: 'idle' -> 'connecting' -> 'open'; after a drop 'waiting' (a reconnect is scheduled),
 * 'failed' (gave up: resume(), start() or reconnectNow() try again), 'ended' (the server closed
 * with one of `finalCloseCodes`: it wants us gone, so only an explicit start() or reconnectNow()
 * connects again, never resume()), and 'closed' (the owner's close() or destroy(): for good).
 *
 * SocketTask has no off* methods, so callbacks of a replaced task are neutralised by a generation
 * number instead, and the task itself is dropped. The same number tells whether a listener closed,
 * destroyed or replaced the socket while we were emitting to it: if so, its call stands and what
 * we were about to do next (reconnect, flush, arm a timer) is not done.
 */
(function (root) {
  'use strict';

  const DEFAULTS = {
    heartbeatMs: 10000,
    pongTimeoutMs: 5000,
    connectTimeoutMs: 8000,
    maxQueue: 64,
    finalCloseCodes: [],
    backoff: { baseMs: 500, maxMs: 10000, factor: 2, jitter: 0.5, maxAttempts: 8 },
  };

  /** Close codes we use; WeChat only accepts 1000 and 3000-4999 (4000 is the server's own). */
  const CLOSE = { normal: 1000, heartbeat: 4100, connectTimeout: 4101, replaced: 4102 };

  const defaultTimers = {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id),
  };

  /**
   * The wait before reconnect attempt number `attempt` (0-based): base * factor^attempt capped at
   * maxMs, minus up to `jitter` of it at random so that many clients do not come back in step.
   */
  function backoffDelay(attempt, backoff, random) {
    const b = Object.assign({}, DEFAULTS.backoff, backoff);
    const full = Math.min(b.maxMs, b.baseMs * Math.pow(b.factor, attempt));
    return Math.round(full - full * b.jitter * (random || Math.random)());
  }

  function safeClose(task, code, reason) {
    try {
      task.close({ code, reason, fail() {} });
    } catch (e) {
      // Already closed or never opened: there is nothing left to release.
    }
  }

  function createResilientSocket(options) {
    const emitter = (root ? root.emitter : require('./emitter')).createEmitter();
    const opts = Object.assign({}, DEFAULTS, options);
    const backoff = Object.assign({}, DEFAULTS.backoff, options.backoff);
    const timers = opts.timers || defaultTimers;
    const random = opts.random || Math.random;
    const ping = JSON.stringify({ type: 'ping' });

    let status = 'idle';
    let task = null;
    let generation = 0;
    let attempt = 0;
    let heard = false;
    let paused = false;
    let queue = [];
    const timer = { retry: null, connect: null, heartbeat: null, deadline: null };

    function stop(name) {
      if (timer[name] !== null) timers.clearTimeout(timer[name]);
      timer[name] = null;
    }

    function stopAll() {
      Object.keys(timer).forEach(stop);
    }

    function later(name, ms, fn) {
      stop(name);
      timer[name] = timers.setTimeout(() => {
        timer[name] = null;
        fn();
      }, ms);
    }

    /** Emits; true when the listeners left the socket on its course (no close, destroy or reconnect). */
    function emitUntouched(event, payload) {
      const gen = generation;
      emitter.emit(event, payload);
      return gen === generation;
    }

    function setStatus(next, detail) {
      status = next;
      return emitUntouched('status', Object.assign({ status: next }, detail || {}));
    }

    function write(text) {
      const gen = generation;
      try {
        task.send({ data: text, fail: (err) => dropped(gen, { code: 1006, reason: (err && err.errMsg) || 'send failed' }, CLOSE.normal) });
        return true;
      } catch (e) {
        dropped(gen, { code: 1006, reason: 'send failed: ' + e.message }, CLOSE.normal);
        return false;
      }
    }

    function open() {
      if (status === 'closed') return;
      stop('retry');
      const gen = ++generation;
      heard = false;
      if (!setStatus('connecting', { attempt })) return;
      let t;
      try {
        t = opts.connect(opts.url);
      } catch (e) {
        dropped(gen, { code: 1006, reason: 'connect failed: ' + e.message });
        return;
      }
      task = t;
      later('connect', opts.connectTimeoutMs, () => dropped(gen, { code: 1006, reason: 'connect timeout' }, CLOSE.connectTimeout));
      t.onOpen(() => {
        if (gen === generation) opened();
      });
      t.onMessage((res) => {
        if (gen === generation) received(res ? res.data : undefined);
      });
      t.onClose((res) => dropped(gen, { code: res && res.code, reason: (res && res.reason) || '' }));
      t.onError((err) => dropped(gen, { code: 1006, reason: (err && err.errMsg) || 'socket error' }, CLOSE.normal));
    }

    function opened() {
      stop('connect');
      const gen = generation;
      if (!setStatus('open')) return;
      const greeting = opts.hello ? opts.hello() : null;
      if (greeting) write(typeof greeting === 'string' ? greeting : JSON.stringify(greeting));
      // One at a time: if the link fails halfway, the rest waits for the next connection.
      while (queue.length > 0 && gen === generation) write(queue.shift());
      if (gen !== generation) return;
      startHeartbeat();
      emitter.emit('open');
    }

    function received(data) {
      stop('deadline');
      if (!heard) {
        heard = true;
        attempt = 0;
      }
      emitter.emit('message', data);
    }

    /** The connection `gen` is gone; closeCode, when given, is used to close the task ourselves. */
    function dropped(gen, info, closeCode) {
      if (gen !== generation || status === 'closed') return;
      generation++;
      const t = task;
      task = null;
      stop('connect');
      stop('heartbeat');
      stop('deadline');
      if (t && closeCode) safeClose(t, closeCode, info.reason.slice(0, 100));
      // A 'close' listener may close or destroy us (or reconnect): then that is the last word.
      if (!emitUntouched('close', info)) return;
      if (opts.finalCloseCodes.indexOf(info.code) >= 0) {
        setStatus('ended', { code: info.code, reason: info.reason });
        return;
      }
      scheduleRetry();
    }

    function scheduleRetry() {
      if (attempt >= backoff.maxAttempts) {
        if (setStatus('failed', { attempts: attempt })) emitter.emit('gaveUp', { attempts: attempt });
        return;
      }
      const delay = backoffDelay(attempt, backoff, random);
      attempt += 1;
      if (setStatus('waiting', { attempt, delay })) later('retry', delay, open);
    }

    function startHeartbeat() {
      stop('heartbeat');
      if (!paused) later('heartbeat', opts.heartbeatMs, beat);
    }

    function beat() {
      if (status !== 'open') return;
      const gen = generation;
      checkAlive();
      if (gen === generation) later('heartbeat', opts.heartbeatMs, beat);
    }

    function checkAlive() {
      const gen = generation;
      write(ping);
      if (gen !== generation || timer.deadline !== null) return;
      later('deadline', opts.pongTimeoutMs, () => {
        emitter.emit('dead');
        dropped(gen, { code: 1006, reason: 'heartbeat timeout' }, CLOSE.heartbeat);
      });
    }

    /** Connects, if not connected or connecting already (and not closed for good). */
    function start() {
      if (status === 'idle' || status === 'failed' || status === 'ended') {
        attempt = 0;
        open();
      }
    }

    /** Sends now when open, otherwise queues for the next open. False when refused. */
    function send(message) {
      const text = typeof message === 'string' ? message : JSON.stringify(message);
      if (status === 'open' && task) return write(text);
      if (status === 'closed' || queue.length >= opts.maxQueue) return false;
      queue.push(text);
      return true;
    }

    /** Replaces the connection at once (a resync, or the user's "retry", even after 'ended'). */
    function reconnectNow(reason) {
      if (status === 'closed') return;
      const t = task;
      generation++;
      task = null;
      stopAll();
      if (t) safeClose(t, CLOSE.replaced, reason || 'reconnect');
      attempt = 0;
      open();
    }

    /** The app went to the background: timers may freeze, so do not judge the link meanwhile. */
    function pause() {
      paused = true;
      stop('heartbeat');
      stop('deadline');
    }

    /** Back from the background: reconnect at once if we lost the link (not once 'ended'), else check it. */
    function resume() {
      paused = false;
      if (status === 'waiting' || status === 'failed') {
        attempt = 0;
        open();
      } else if (status === 'open') {
        const gen = generation;
        checkAlive();
        if (gen === generation) startHeartbeat();
      }
    }

    /** Closes for good, even from inside our own listeners: no reconnect, queue dropped, no timers. */
    function close(code, reason) {
      if (status === 'closed') return;
      const t = task;
      generation++;
      task = null;
      stopAll();
      queue = [];
      setStatus('closed');
      if (t) safeClose(t, code || CLOSE.normal, reason || 'bye');
    }

    function destroy() {
      close();
      emitter.clear();
    }

    return {
      start, send, close, destroy, reconnectNow, pause, resume,
      on: emitter.on,
      off: emitter.off,
      get status() { return status; },
      get queued() { return queue.length; },
      get pendingTimers() { return Object.keys(timer).filter((k) => timer[k] !== null); },
      get listenerCount() { return emitter.count(); },
    };
  }

  const api = { DEFAULTS, CLOSE, backoffDelay, createResilientSocket };
  if (root) root.resilientSocket = api; else module.exports = api;
})(typeof module === 'object' && module.exports ? null : (globalThis.GoldMinerUtils = globalThis.GoldMinerUtils || {}));
