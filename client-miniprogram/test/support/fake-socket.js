/**
 * A stand-in for WeChat's SocketTask that the test drives by hand: open(), receive(), drop().
 * `connector()` plays wx.connectSocket and remembers every task it handed out.
 */
class FakeSocketTask {
  constructor(url) {
    this.url = url;
    this.sent = [];
    this.closedWith = null;
    this.failSends = false;
    this.handlers = { open: [], message: [], close: [], error: [] };
  }

  send(o) {
    if (this.failSends) {
      if (o.fail) o.fail({ errMsg: 'sendSocketMessage:fail' });
      return;
    }
    this.sent.push(o.data);
    if (o.success) o.success({ errMsg: 'sendSocketMessage:ok' });
  }

  close(o) {
    this.closedWith = o || {};
  }

  onOpen(fn) { this.handlers.open.push(fn); }
  onMessage(fn) { this.handlers.message.push(fn); }
  onClose(fn) { this.handlers.close.push(fn); }
  onError(fn) { this.handlers.error.push(fn); }

  fire(kind, payload) {
    this.handlers[kind].slice().forEach((fn) => fn(payload));
  }

  open() {
    this.fire('open', {});
  }

  receive(message) {
    this.fire('message', { data: typeof message === 'string' ? message : JSON.stringify(message) });
  }

  drop(code = 1006, reason = 'abnormal closure') {
    this.fire('close', { code, reason });
  }

  error(errMsg = 'connect failed') {
    this.fire('error', { errMsg });
  }

  /** What the client sent, parsed. */
  get messages() {
    return this.sent.map((text) => JSON.parse(text));
  }

  get types() {
    return this.messages.map((m) => m.type);
  }
}

function connector() {
  const tasks = [];
  return {
    tasks,
    connect(url) {
      const task = new FakeSocketTask(url);
      tasks.push(task);
      return task;
    },
    get last() {
      return tasks[tasks.length - 1];
    },
  };
}

module.exports = { FakeSocketTask, connector };
