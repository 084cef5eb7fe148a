const wxAdapter = require('../../utils/wx-adapter');
const webAdapter = require('../../utils/web-adapter');
const config = require('../../utils/config');

describe('wx-adapter', () => {
  test('socketConnector opens one SocketTask per connection through wx.connectSocket', () => {
    const task = {};
    const wx = { connectSocket: jest.fn(() => task) };

    const result = wxAdapter.socketConnector(wx)('wss://h/ws');

    expect(result).toBe(task);
    expect(wx.connectSocket).toHaveBeenCalledWith(expect.objectContaining({ url: 'wss://h/ws' }));
  });

  test('requester turns wx.request callbacks into a promise of {status, data}', async () => {
    const wx = { request: jest.fn((o) => o.success({ statusCode: 201, data: { id: 'r' }, header: { Location: '/api/rooms/r' } })) };

    const res = await wxAdapter.requester(wx)({ url: 'http://h/api/rooms', method: 'POST', data: { rows: 9 }, header: {} });

    expect(res).toEqual({ status: 201, data: { id: 'r' }, headers: { Location: '/api/rooms/r' } });
    expect(wx.request.mock.calls[0][0]).toMatchObject({ url: 'http://h/api/rooms', method: 'POST', data: { rows: 9 }, dataType: 'json' });
  });

  test('requester rejects with the errMsg of a failed request', async () => {
    const wx = { request: (o) => o.fail({ errMsg: 'request:fail url not in domain list' }) };

    await expect(wxAdapter.requester(wx)({ url: 'http://h' })).rejects.toThrow('url not in domain list');
  });
});

describe('web-adapter', () => {
  class FakeWebSocket {
    constructor(url) {
      this.url = url;
      this.sent = [];
      this.readyState = 0;
    }
    send(data) {
      if (this.readyState !== 1) throw new Error('not open');
      this.sent.push(data);
    }
    close(code, reason) {
      this.closed = { code, reason };
    }
  }

  test('a WebSocket looks like a SocketTask', () => {
    const task = webAdapter.socketConnector(FakeWebSocket)('ws://h/ws');
    const seen = [];
    task.onOpen(() => seen.push('open'));
    task.onMessage((m) => seen.push(m.data));
    task.onClose((c) => seen.push(c.code));
    task.onError((e) => seen.push(e.errMsg));
    const ws = task.webSocket;

    ws.readyState = 1;
    ws.onopen();
    ws.onmessage({ data: '{"type":"pong"}' });
    task.send({ data: 'hello' });
    ws.onerror({});
    ws.onclose({ code: 1006, reason: '' });
    task.close({ code: 1000, reason: 'bye' });

    expect(seen).toEqual(['open', '{"type":"pong"}', 'WebSocket error', 1006]);
    expect(ws.sent).toEqual(['hello']);
    expect(ws.closed).toEqual({ code: 1000, reason: 'bye' });
  });

  test('a send the WebSocket refuses reaches fail, not the caller', () => {
    const task = webAdapter.socketConnector(FakeWebSocket)('ws://h/ws');
    const fail = jest.fn();

    task.send({ data: 'x', fail });

    expect(fail).toHaveBeenCalledWith({ errMsg: expect.stringContaining('not open') });
  });

  test('requester sends JSON over fetch and parses JSON answers', async () => {
    const fetchFn = jest.fn(async () => ({
      status: 400,
      text: async () => '{"title":"Bad rows."}',
      headers: new Map([['content-type', 'application/problem+json']]),
    }));

    const res = await webAdapter.requester(fetchFn)({ url: 'http://h/api/rooms', method: 'POST', data: { rows: 1 }, header: { 'Content-Type': 'application/json' } });

    expect(fetchFn).toHaveBeenCalledWith('http://h/api/rooms', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"rows":1}' });
    expect(res).toEqual({ status: 400, data: { title: 'Bad rows.' }, headers: { 'content-type': 'application/problem+json' } });
  });

  test('requester hands back text that is not JSON as it is', async () => {
    const fetchFn = async () => ({ status: 200, text: async () => 'Healthy' });

    await expect(webAdapter.requester(fetchFn)({ url: 'http://h/healthz' })).resolves.toMatchObject({ status: 200, data: 'Healthy' });
  });
});

describe('config', () => {
  afterEach(() => config.use(config.servers.develop));

  test('the developer tools talk to the local server over plain ws/http', () => {
    expect(config.serverFor('develop')).toEqual({ http: 'http://127.0.0.1:5080', ws: 'ws://127.0.0.1:5080/ws' });
    expect(config.current()).toEqual(config.servers.develop);
  });

  test('phone builds use TLS addresses, as WeChat requires', () => {
    expect(config.isSecure(config.serverFor('release'))).toBe(true);
    expect(config.isSecure(config.serverFor('trial'))).toBe(true);
    expect(config.isSecure(config.serverFor('develop'))).toBe(false);
  });

  test('an unknown environment falls back to develop', () => {
    expect(config.serverFor('nope')).toBe(config.servers.develop);
  });

  test('use() switches the server and trims a trailing slash', () => {
    config.use({ http: 'http://127.0.0.1:9/', ws: 'ws://127.0.0.1:9/ws' });

    expect(config.current()).toEqual({ http: 'http://127.0.0.1:9', ws: 'ws://127.0.0.1:9/ws' });
    expect(() => config.use({ http: 'x' })).toThrow(TypeError);
  });
});
