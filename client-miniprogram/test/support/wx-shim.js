/*
 * Just enough of `wx` for pages to talk to a real server from Node: wx.connectSocket is a
 * SocketTask over the npm `ws` package (via utils/web-adapter.js), wx.request goes over fetch.
 * It also records navigation and toasts, can refuse new connections (a network outage), and
 * emits 'activity' after every network event, so tests wait for what happens rather than sleep.
 */
const { EventEmitter } = require('events');
const WebSocket = require('ws');
const webAdapter = require('../../utils/web-adapter');

function createWxShim() {
  const events = new EventEmitter();
  events.setMaxListeners(100);
  const tasks = [];
  const navigations = [];
  const toasts = [];
  const storage = new Map();
  // explain: set by a test to describe what it sees when a wait times out.
  const state = { refuseConnections: false, explain: () => '' };
  const request = webAdapter.requester(fetch);
  const activity = () => setImmediate(() => events.emit('activity'));

  function refusedTask(url) {
    // Like a phone with no network: the task errors and closes without ever opening.
    const handlers = { open: [], message: [], close: [], error: [] };
    setImmediate(() => {
      handlers.error.forEach((fn) => fn({ errMsg: 'connectSocket:fail network down' }));
      handlers.close.forEach((fn) => fn({ code: 1006, reason: 'network down' }));
      activity();
    });
    return {
      url, refused: true, sent: [],
      send: (o) => o.fail && o.fail({ errMsg: 'sendSocketMessage:fail' }),
      close() {},
      onOpen: (fn) => handlers.open.push(fn),
      onMessage: (fn) => handlers.message.push(fn),
      onClose: (fn) => handlers.close.push(fn),
      onError: (fn) => handlers.error.push(fn),
    };
  }

  const wx = {
    connectSocket(o) {
      let task;
      if (state.refuseConnections) {
        task = refusedTask(o.url);
      } else {
        task = webAdapter.socketTaskFromWebSocket(new WebSocket(o.url));
        task.url = o.url;
        task.sent = [];
        const send = task.send;
        task.send = (m) => {
          task.sent.push(JSON.parse(m.data));
          send(m);
        };
        task.onOpen(activity);
        task.onMessage(activity);
        task.onClose(activity);
      }
      tasks.push(task);
      events.emit('task', task);
      return task;
    },
    request(o) {
      request({ url: o.url, method: o.method, data: o.data, header: o.header }).then(
        (res) => {
          if (o.success) o.success({ statusCode: res.status, data: res.data, header: res.headers });
          activity();
        },
        (err) => {
          if (o.fail) o.fail({ errMsg: 'request:fail ' + err.message });
          activity();
        },
      );
    },
    navigateTo(o) {
      navigations.push(o.url);
      activity();
    },
    navigateBack() {},
    reLaunch() {},
    showToast(o) {
      toasts.push(o.title);
    },
    showModal(o) {
      if (o.success) o.success({ confirm: true, cancel: false });
    },
    stopPullDownRefresh() {},
    enableAlertBeforeUnload() {},
    disableAlertBeforeUnload() {},
    getStorageSync: (key) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key, value) => storage.set(key, value),
  };

  /**
   * Resolves once `condition()` is truthy, checking now and after every network event; rejects
   * after `timeoutMs` with `what` in the message.
   */
  function waitFor(what, condition, timeoutMs) {
    return new Promise((resolve, reject) => {
      let timer = null;
      const check = () => {
        let value;
        try {
          value = condition();
        } catch (e) {
          value = false;
        }
        if (value) {
          events.off('activity', check);
          clearTimeout(timer);
          resolve(value);
        }
      };
      timer = setTimeout(() => {
        events.off('activity', check);
        reject(new Error('timed out waiting for ' + what + '\n' + state.explain()));
      }, timeoutMs || 15000);
      events.on('activity', check);
      check();
    });
  }

  /** Closes every socket still open (the end of a test). */
  function closeAll() {
    for (const t of tasks) {
      if (t.webSocket && t.webSocket.readyState !== WebSocket.CLOSED) t.webSocket.terminate();
    }
  }

  return { wx, state, tasks, navigations, toasts, events, waitFor, closeAll };
}

module.exports = { createWxShim };
