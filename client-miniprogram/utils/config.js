/*
 * Where the GoldMiner server lives. The one place to change it.
 *
 * - develop: WeChat DevTools on the same machine as the server. Plain ws:// and http:// only
 *   work there with "Does not verify valid domain names" ticked (project.config.json sets
 *   urlCheck: false).
 * - trial / release: a real phone. WeChat only connects to https:// and wss:// hosts that are on
 *   the mini-program's legal-domain whitelist (see README.md), so these must be TLS addresses.
 */
(function (root) {
  'use strict';

  const servers = {
    develop: { http: 'http://127.0.0.1:5080', ws: 'ws://127.0.0.1:5080/ws' },
    trial: { http: 'https://goldminer.example.com', ws: 'wss://goldminer.example.com/ws' },
    release: { http: 'https://goldminer.example.com', ws: 'wss://goldminer.example.com/ws' },
  };

  /** Timings of the resilient socket; see utils/resilient-socket.js. */
  const socket = {
    heartbeatMs: 10000,
    pongTimeoutMs: 5000,
    connectTimeoutMs: 8000,
    backoff: { baseMs: 500, maxMs: 10000, factor: 2, jitter: 0.5, maxAttempts: 8 },
  };

  /** How often the lobby list refreshes itself while the home page is shown. */
  const lobby = { refreshMs: 5000 };

  let active = servers.develop;

  /** The server for a WeChat envVersion ('develop' | 'trial' | 'release'). */
  function serverFor(envVersion) {
    return servers[envVersion] || servers.develop;
  }

  /** True when an address pair is one a phone outside the DevTools may use. */
  function isSecure(server) {
    return /^https:\/\//.test(server.http) && /^wss:\/\//.test(server.ws);
  }

  /** Chooses the server for this run (app.js at launch; tests point it at their own server). */
  function use(server) {
    if (!server || typeof server.http !== 'string' || typeof server.ws !== 'string') {
      throw new TypeError('config.use needs { http, ws }');
    }
    active = { http: server.http.replace(/\/+$/, ''), ws: server.ws };
  }

  function current() {
    return active;
  }

  const api = { servers, socket, lobby, serverFor, isSecure, use, current };
  if (root) root.config = api; else module.exports = api;
})(typeof module === 'object' && module.exports ? null : (globalThis.GoldMinerUtils = globalThis.GoldMinerUtils || {}));
