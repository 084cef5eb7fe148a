/*
 * The browser's counterparts of utils/wx-adapter.js: a WebSocket dressed as a WeChat SocketTask,
 * and fetch as the lobby's `request`. A web page (or a Node test, with the npm `ws` package as the
 * WebSocket class) can then reuse the resilient socket, game client and lobby unchanged.
 */
(function (root) {
  'use strict';

  /** A SocketTask-like object over a WHATWG-style WebSocket instance. */
  function socketTaskFromWebSocket(ws) {
    const handlers = { open: [], message: [], close: [], error: [] };
    const fire = (kind, payload) => handlers[kind].slice().forEach((fn) => fn(payload));
    ws.onopen = () => fire('open', {});
    ws.onmessage = (e) => fire('message', { data: e.data });
    ws.onclose = (e) => fire('close', { code: e.code, reason: e.reason });
    ws.onerror = (e) => fire('error', { errMsg: (e && e.message) || 'WebSocket error' });
    const done = (o, key, res) => {
      if (o && typeof o[key] === 'function') o[key](res);
    };
    return {
      send(o) {
        try {
          ws.send(o.data);
          done(o, 'success', { errMsg: 'sendSocketMessage:ok' });
        } catch (e) {
          done(o, 'fail', { errMsg: 'sendSocketMessage:fail ' + e.message });
        }
      },
      close(o) {
        try {
          ws.close((o && o.code) || 1000, (o && o.reason) || undefined);
          done(o, 'success', { errMsg: 'closeSocket:ok' });
        } catch (e) {
          done(o, 'fail', { errMsg: 'closeSocket:fail ' + e.message });
        }
      },
      onOpen: (fn) => handlers.open.push(fn),
      onMessage: (fn) => handlers.message.push(fn),
      onClose: (fn) => handlers.close.push(fn),
      onError: (fn) => handlers.error.push(fn),
      get readyState() { return ws.readyState; },
      webSocket: ws,
    };
  }

  /** `url => SocketTask` for a WebSocket class (the browser's, or npm `ws` in Node). */
  function socketConnector(WebSocketClass) {
    return (url) => socketTaskFromWebSocket(new WebSocketClass(url));
  }

  /** `request({url, method, data, header}) => Promise<{status, data, headers}>` over fetch. */
  function requester(fetchFn) {
    return (req) => {
      const init = { method: req.method || 'GET', headers: Object.assign({}, req.header) };
      if (req.data !== undefined) init.body = typeof req.data === 'string' ? req.data : JSON.stringify(req.data);
      return fetchFn(req.url, init).then((res) => res.text().then((text) => {
        let data;
        // Like wx.request with dataType 'json': parse when it is JSON, else hand back the text.
        try {
          data = text ? JSON.parse(text) : '';
        } catch (e) {
          data = text;
        }
        const headers = {};
        if (res.headers && typeof res.headers.forEach === 'function') res.headers.forEach((v, k) => { headers[k] = v; });
        return { status: res.status, data, headers };
      }));
    };
  }

  const api = { socketTaskFromWebSocket, socketConnector, requester };
  if (root) root.webAdapter = api; else module.exports = api;
})(typeof module === 'object' && module.exports ? null : (globalThis.GoldMinerUtils = globalThis.GoldMinerUtils || {}));
