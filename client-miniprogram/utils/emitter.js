/* A minimal event emitter: `on` hands back its own `off`, so callers cannot forget which one. */
(function (root) {
  'use strict';

  function createEmitter() {
    let listeners = {};

    function on(event, fn) {
      (listeners[event] = listeners[event] || []).push(fn);
      return () => off(event, fn);
    }

    function off(event, fn) {
      const list = listeners[event];
      if (!list) return;
      const i = list.indexOf(fn);
      if (i >= 0) list.splice(i, 1);
    }

    function emit(event, payload) {
      // A copy, so a listener may remove itself (or another) while we loop.
      for (const fn of (listeners[event] || []).slice()) fn(payload);
    }

    function clear() {
      listeners = {};
    }

    function count() {
      return Object.keys(listeners).reduce((n, k) => n + listeners[k].length, 0);
    }

    return { on, off, emit, clear, count };
  }

  const api = { createEmitter };
  if (root) root.emitter = api; else module.exports = api;
})(typeof module === 'object' && module.exports ? null : (globalThis.GoldMinerUtils = globalThis.GoldMinerUtils || {}));
