const { createResilientSocket, backoffDelay, CLOSE } = require('../../utils/resilient-socket');
const { connector } = require('../support/fake-socket');

const BACKOFF = { baseMs: 100, maxMs: 1000, factor: 2, jitter: 0.5, maxAttempts: 4 };

function setup(extra) {
  const fake = connector();
  const statuses = [];
  const messages = [];
  const socket = createResilientSocket(Object.assign({
    url: 'ws://test/ws',
    connect: fake.connect,
    heartbeatMs: 1000,
    pongTimeoutMs: 300,
    connectTimeoutMs: 2000,
    backoff: BACKOFF,
    random: () => 0,
  }, extra));
  socket.on('status', (s) => statuses.push(s));
  socket.on('message', (m) => messages.push(m));
  return { fake, socket, statuses, messages };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('backoffDelay', () => {
  test('doubles from the base up to the cap', () => {
    const delays = [0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, BACKOFF, () => 0));

    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  test('jitter takes off up to half of the delay', () => {
    expect(backoffDelay(2, BACKOFF, () => 1)).toBe(200);
    expect(backoffDelay(2, BACKOFF, () => 0.5)).toBe(300);
  });
});

describe('queueing before open', () => {
  test('messages sent before open go out in order, after hello', () => {
    const { fake, socket } = setup({ hello: () => ({ type: 'join', room: 'r1' }) });

    socket.send({ type: 'a' });
    socket.start();
    socket.send({ type: 'b' });
    expect(fake.last.sent).toEqual([]);
    fake.last.open();

    expect(fake.last.types).toEqual(['join', 'a', 'b']);
    expect(socket.queued).toBe(0);
  });

  test('once open, messages go straight out', () => {
    const { fake, socket } = setup();
    socket.start();
    fake.last.open();

    socket.send({ type: 'dig', row: 1, col: 2 });

    expect(fake.last.messages).toEqual([{ type: 'dig', row: 1, col: 2 }]);
  });

  test('the queue is bounded', () => {
    const { socket } = setup({ maxQueue: 2 });

    expect([socket.send('1'), socket.send('2'), socket.send('3')]).toEqual([true, true, false]);
  });

  test('hello is asked again for every connection', () => {
    let n = 0;
    const { fake, socket } = setup({ hello: () => ({ type: 'join', n: ++n }) });
    socket.start();
    fake.last.open();
    fake.last.drop();
    jest.advanceTimersByTime(100);
    fake.last.open();

    expect(fake.tasks.map((t) => t.messages[0].n)).toEqual([1, 2]);
  });
});

describe('heartbeat', () => {
  test('pings every heartbeat interval while open', () => {
    const { fake, socket } = setup();
    socket.start();
    fake.last.open();

    jest.advanceTimersByTime(999);
    expect(fake.last.types).toEqual([]);
    jest.advanceTimersByTime(1);
    fake.last.receive({ type: 'pong' });
    jest.advanceTimersByTime(1000);

    expect(fake.last.types).toEqual(['ping', 'ping']);
  });

  test('a connection that stays silent after a ping is declared dead and replaced', () => {
    const { fake, socket } = setup();
    const dead = jest.fn();
    socket.on('dead', dead);
    socket.start();
    const first = fake.last;
    first.open();

    jest.advanceTimersByTime(1000 + 299);
    expect(dead).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);

    expect(dead).toHaveBeenCalledTimes(1);
    expect(first.closedWith.code).toBe(CLOSE.heartbeat);
    expect(socket.status).toBe('waiting');
    jest.advanceTimersByTime(100);
    expect(fake.tasks).toHaveLength(2);
  });

  test('any message counts as a sign of life', () => {
    const { fake, socket } = setup();
    socket.start();
    fake.last.open();

    jest.advanceTimersByTime(1000);
    fake.last.receive({ type: 'dug', seq: 1 });
    jest.advanceTimersByTime(500);

    expect(socket.status).toBe('open');
  });

  test('a socket that never opens is given up after the connect timeout', () => {
    const { fake, socket } = setup();
    socket.start();

    jest.advanceTimersByTime(2000);

    expect(fake.tasks[0].closedWith.code).toBe(CLOSE.connectTimeout);
    expect(socket.status).toBe('waiting');
  });
});

describe('reconnect', () => {
  test('an unexpected close reconnects on the backoff schedule, then gives up', () => {
    const { fake, socket, statuses } = setup();
    const gaveUp = jest.fn();
    socket.on('gaveUp', gaveUp);
    socket.start();

    for (const delay of [100, 200, 400, 800]) {
      fake.last.drop();
      jest.advanceTimersByTime(delay - 1);
      const before = fake.tasks.length;
      jest.advanceTimersByTime(1);
      expect(fake.tasks.length).toBe(before + 1);
    }
    fake.last.drop();

    expect(statuses.filter((s) => s.status === 'waiting').map((s) => s.delay)).toEqual([100, 200, 400, 800]);
    expect(socket.status).toBe('failed');
    expect(gaveUp).toHaveBeenCalledWith({ attempts: 4 });
    expect(socket.pendingTimers).toEqual([]);
  });

  test('a close code the caller marks final is not retried', () => {
    const { fake, socket, statuses } = setup({ finalCloseCodes: [4000] });
    socket.start();
    fake.last.open();

    fake.last.drop(4000, 'seat taken over');
    jest.advanceTimersByTime(60000);

    expect(socket.status).toBe('ended');
    expect(statuses[statuses.length - 1]).toEqual({ status: 'ended', code: 4000, reason: 'seat taken over' });
    expect(fake.tasks).toHaveLength(1);
    expect(socket.pendingTimers).toEqual([]);
  });

  test('after a final close, coming back from the background does not reconnect', () => {
    const { fake, socket } = setup({ finalCloseCodes: [4000] });
    socket.start();
    fake.last.open();
    socket.pause();
    fake.last.drop(4000, 'seat taken over');

    socket.resume();
    jest.advanceTimersByTime(60000);

    expect(socket.status).toBe('ended');
    expect(fake.tasks).toHaveLength(1);
  });

  test('after a final close, only the owner connects again, on purpose', () => {
    const { fake, socket } = setup({ finalCloseCodes: [4000] });
    socket.start();
    fake.last.open();
    fake.last.drop(4000, 'seat taken over');

    socket.reconnectNow('take it back');
    fake.last.open();

    expect(fake.tasks).toHaveLength(2);
    expect(socket.status).toBe('open');
  });

  test('the attempt count resets once a new connection hears from the server', () => {
    const { fake, socket, statuses } = setup();
    socket.start();
    fake.last.drop();
    jest.advanceTimersByTime(100);
    fake.last.drop();
    jest.advanceTimersByTime(200);
    fake.last.open();
    fake.last.receive({ type: 'welcome' });

    fake.last.drop();

    expect(statuses.filter((s) => s.status === 'waiting').map((s) => s.delay)).toEqual([100, 200, 100]);
  });

  test('an error and the close that follows it count as one drop', () => {
    const { fake, socket } = setup();
    socket.start();
    fake.last.open();

    fake.last.error();
    fake.last.drop();
    jest.advanceTimersByTime(100);

    expect(fake.tasks).toHaveLength(2);
    expect(socket.status).toBe('connecting');
  });

  test('callbacks of a replaced task are ignored', () => {
    const { fake, socket, messages } = setup();
    socket.start();
    const old = fake.last;
    old.open();

    socket.reconnectNow('resync');
    old.receive('late');
    old.drop();

    expect(old.closedWith.code).toBe(CLOSE.replaced);
    expect(messages).toEqual([]);
    expect(fake.tasks).toHaveLength(2);
    expect(socket.status).toBe('connecting');
  });

  test('a failed send drops the connection', () => {
    const { fake, socket } = setup();
    socket.start();
    fake.last.open();
    fake.last.failSends = true;

    socket.send({ type: 'dig', row: 0, col: 0 });

    expect(socket.status).toBe('waiting');
  });

  test('a connect that throws is treated like a drop', () => {
    let calls = 0;
    const { socket } = setup({ connect: () => { calls += 1; throw new Error('url not in domain list'); } });

    socket.start();

    expect(socket.status).toBe('waiting');
    jest.advanceTimersByTime(100);
    expect(calls).toBe(2);
  });
});

describe('closed or destroyed from inside its own listeners', () => {
  /** Each case: the moment, how to get there, and the listener that sees it. */
  const moments = [
    ["'close' after an unexpected drop", (ctx, end) => {
      ctx.socket.on('close', end);
      ctx.socket.start();
      ctx.fake.last.open();
      ctx.fake.last.drop();
    }],
    ["'close' with a final code", (ctx, end) => {
      ctx.socket.on('close', end);
      ctx.socket.start();
      ctx.fake.last.open();
      ctx.fake.last.drop(4000, 'seat taken over');
    }],
    ["'close' after a heartbeat timeout", (ctx, end) => {
      ctx.socket.on('close', end);
      ctx.socket.start();
      ctx.fake.last.open();
      jest.advanceTimersByTime(1300);
    }],
    ["'close' after a failed send", (ctx, end) => {
      ctx.socket.on('close', end);
      ctx.socket.start();
      ctx.fake.last.open();
      ctx.fake.last.failSends = true;
      ctx.socket.send('x');
    }],
    ["'dead'", (ctx, end) => {
      ctx.socket.on('dead', end);
      ctx.socket.start();
      ctx.fake.last.open();
      jest.advanceTimersByTime(1300);
    }],
    ["'status' waiting", (ctx, end) => {
      ctx.socket.on('status', (s) => { if (s.status === 'waiting') end(); });
      ctx.socket.start();
      ctx.fake.last.drop();
    }],
    ["'status' connecting", (ctx, end) => {
      ctx.socket.on('status', (s) => { if (s.status === 'connecting') end(); });
      ctx.socket.start();
    }],
    ["'status' open", (ctx, end) => {
      ctx.socket.on('status', (s) => { if (s.status === 'open') end(); });
      ctx.socket.start();
      ctx.fake.last.open();
    }],
    ["'status' failed", (ctx, end) => {
      ctx.socket.on('status', (s) => { if (s.status === 'failed') end(); });
      ctx.socket.start();
      for (let i = 0; i <= BACKOFF.maxAttempts; i++) {
        ctx.fake.last.drop();
        jest.advanceTimersByTime(1000);
      }
    }],
    ["'message'", (ctx, end) => {
      ctx.socket.on('message', end);
      ctx.socket.start();
      ctx.fake.last.open();
      ctx.fake.last.receive({ type: 'pong' });
    }],
  ];

  const cases = [];
  for (const [moment, reach] of moments) {
    cases.push(['close', moment, reach], ['destroy', moment, reach]);
  }

  test.each(cases)('%s from a listener of %s ends it for good', (how, _, reach) => {
    const ctx = setup({ finalCloseCodes: [4000], hello: () => ({ type: 'join' }) });
    let calls = 0;
    const end = () => {
      calls += 1;
      ctx.socket[how]();
    };

    reach(ctx, end);
    const tasks = ctx.fake.tasks.length;
    ctx.socket.resume();
    ctx.socket.start();
    jest.advanceTimersByTime(60000);

    expect(calls).toBe(1);
    expect(ctx.socket.status).toBe('closed');
    expect(ctx.fake.tasks).toHaveLength(tasks);
    expect(ctx.socket.pendingTimers).toEqual([]);
  });

  test('closed while it opens, it sends nothing and never says open', () => {
    const { fake, socket } = setup({ hello: () => ({ type: 'join' }) });
    const opened = jest.fn();
    socket.on('open', opened);
    socket.on('status', (s) => { if (s.status === 'open') socket.close(); });
    socket.send({ type: 'queued' });
    socket.start();

    fake.last.open();

    expect(fake.last.sent).toEqual([]);
    expect(opened).not.toHaveBeenCalled();
    expect(fake.last.closedWith.code).toBe(1000);
  });

  test('closed while it is about to connect, it never calls connect', () => {
    const { fake, socket } = setup();
    socket.on('status', (s) => { if (s.status === 'connecting') socket.close(); });

    socket.start();

    expect(fake.tasks).toHaveLength(0);
    expect(socket.status).toBe('closed');
  });

  test('a close listener that reconnects at once is not followed by a second, scheduled reconnect', () => {
    const { fake, socket } = setup();
    socket.start();
    fake.last.open();
    const off = socket.on('close', () => {
      off();
      socket.reconnectNow('right away');
    });

    fake.last.drop();
    jest.advanceTimersByTime(1000);

    expect(fake.tasks).toHaveLength(2);
    expect(socket.status).toBe('connecting');
    expect(socket.pendingTimers).toEqual(['connect']);
  });

  test('a queue that fails halfway through its flush keeps the rest for the next connection', () => {
    const { fake, socket } = setup();
    socket.send('a');
    socket.send('b');
    socket.start();
    fake.last.failSends = true;
    fake.last.open();

    jest.advanceTimersByTime(100);
    fake.last.open();

    expect(fake.tasks[0].sent).toEqual([]);
    expect(fake.last.sent).toEqual(['b']);
  });
});

describe('background and shutdown', () => {
  test('resume after a drop reconnects at once instead of waiting out the backoff', () => {
    const { fake, socket } = setup();
    socket.start();
    fake.last.open();
    socket.pause();
    fake.last.drop();

    socket.resume();

    expect(fake.tasks).toHaveLength(2);
    expect(socket.status).toBe('connecting');
  });

  test('pause stops the heartbeat; resume checks the link at once', () => {
    const { fake, socket } = setup();
    socket.start();
    fake.last.open();

    socket.pause();
    jest.advanceTimersByTime(5000);
    expect(fake.last.types).toEqual([]);
    socket.resume();

    expect(fake.last.types).toEqual(['ping']);
    jest.advanceTimersByTime(300);
    expect(socket.status).toBe('waiting');
  });

  test('close is clean: code 1000, no reconnect, no timers, queue dropped', () => {
    const { fake, socket } = setup();
    socket.start();
    fake.last.open();
    socket.close();

    fake.last.drop();
    jest.advanceTimersByTime(60000);

    expect(fake.last.closedWith.code).toBe(1000);
    expect(fake.tasks).toHaveLength(1);
    expect(socket.status).toBe('closed');
    expect(socket.pendingTimers).toEqual([]);
    expect(socket.send('x')).toBe(false);
  });

  test('destroy removes every listener', () => {
    const { socket } = setup();
    expect(socket.listenerCount).toBe(2);

    socket.destroy();

    expect(socket.listenerCount).toBe(0);
  });

  test('on() hands back its own off()', () => {
    const { fake, socket } = setup();
    const seen = [];
    const off = socket.on('message', (m) => seen.push(m));
    socket.start();
    fake.last.open();
    fake.last.receive('1');
    off();
    fake.last.receive('2');

    expect(seen).toEqual(['1']);
  });
});
