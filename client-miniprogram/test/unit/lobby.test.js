const { createLobby, validateRoomOptions, describeRoom, LobbyError } = require('../../utils/lobby');

const ROOM = {
  id: 'abc', name: 'Gold rush', status: 'playing', rules: 'flags', rows: 9, cols: 9, gold: 10, goldLeft: 8,
  players: [{ seat: 1, name: 'Bob', score: 1, online: false }, { seat: 0, name: 'Ann', score: 1, online: true }],
  spectators: 2, createdAt: '2026-11-22T03:00:00Z',
};

function fakeRequest(responses) {
  const calls = [];
  const request = (req) => {
    calls.push(req);
    const next = responses.shift();
    return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
  };
  return { request, calls };
}

describe('validateRoomOptions', () => {
  test('empty fields take the defaults of the contract', () => {
    expect(validateRoomOptions({ rows: '', cols: '', gold: '' })).toEqual({ ok: true, value: { rows: 9, cols: 9, gold: 10, rules: 'classic' }, errors: {} });
  });

  test.each([
    [{ rows: 3 }, 'rows'],
    [{ rows: 31 }, 'rows'],
    [{ cols: '4.5' }, 'cols'],
    [{ cols: 'x' }, 'cols'],
    [{ rows: 4, cols: 4, gold: 16 }, 'gold'],
    [{ gold: 0 }, 'gold'],
    [{ rules: 'chess' }, 'rules'],
    [{ name: 'n'.repeat(41) }, 'name'],
  ])('%j is refused on %s', (form, field) => {
    const result = validateRoomOptions(form);

    expect(result.ok).toBe(false);
    expect(Object.keys(result.errors)).toEqual([field]);
  });

  test('the largest legal board is accepted', () => {
    expect(validateRoomOptions({ rows: '30', cols: '30', gold: '899', rules: 'flags', name: ' Big ' })).toEqual({
      ok: true, value: { rows: 30, cols: 30, gold: 899, rules: 'flags', name: 'Big' }, errors: {},
    });
  });
});

describe('describeRoom', () => {
  test('shows size, rules, players in seat order and what a tap does', () => {
    expect(describeRoom(ROOM)).toMatchObject({
      id: 'abc', name: 'Gold rush', size: '9 × 9', rules: 'Flags', players: 'Ann vs Bob (offline)', scores: '1 : 1',
      statusLabel: 'Playing', action: 'watch', actionLabel: 'Watch', spectators: 2,
    });
  });

  test('a waiting room is for playing and shows the free seat', () => {
    const room = Object.assign({}, ROOM, { status: 'waiting', players: [{ seat: 0, name: 'Ann', score: 0, online: true }] });

    expect(describeRoom(room)).toMatchObject({ players: 'Ann vs —', action: 'play', scores: '' });
  });
});

describe('createLobby', () => {
  test('lists the rooms', async () => {
    const { request, calls } = fakeRequest([{ status: 200, data: [ROOM] }]);
    const lobby = createLobby({ baseUrl: 'http://h:1/', request });

    await expect(lobby.listRooms()).resolves.toEqual([ROOM]);

    expect(calls[0]).toMatchObject({ url: 'http://h:1/api/rooms', method: 'GET' });
  });

  test('creates a room with the checked body', async () => {
    const { request, calls } = fakeRequest([{ status: 201, data: ROOM }]);
    const lobby = createLobby({ baseUrl: 'http://h:1', request });

    await expect(lobby.createRoom({ rows: '5', cols: '6', gold: '3', rules: 'classic' })).resolves.toEqual(ROOM);

    expect(calls[0]).toMatchObject({ url: 'http://h:1/api/rooms', method: 'POST', data: { rows: 5, cols: 6, gold: 3, rules: 'classic' } });
    expect(calls[0].header['Content-Type']).toBe('application/json');
  });

  test('a bad form is refused without asking the server', async () => {
    const { request, calls } = fakeRequest([]);
    const lobby = createLobby({ baseUrl: 'http://h', request });

    await expect(lobby.createRoom({ rows: 2 })).rejects.toMatchObject({ field: 'rows' });

    expect(calls).toHaveLength(0);
  });

  test("a problem answer becomes an error with the server's own words", async () => {
    const problem = { type: 'about:blank', title: 'Gold must be between 1 and 80.', status: 400, field: 'gold' };
    const { request } = fakeRequest([{ status: 400, data: problem }]);
    const lobby = createLobby({ baseUrl: 'http://h', request });

    const error = await lobby.createRoom({}).catch((e) => e);

    expect(error).toBeInstanceOf(LobbyError);
    expect(error).toMatchObject({ status: 400, field: 'gold', network: false, message: 'Gold must be between 1 and 80.' });
  });

  test('validation problem details name the field from their errors', async () => {
    const problem = { title: 'One or more validation errors occurred.', errors: { Rows: ['Rows must be 4..30.'] } };
    const { request } = fakeRequest([{ status: 400, data: problem }]);
    const lobby = createLobby({ baseUrl: 'http://h', request });

    const error = await lobby.createRoom({}).catch((e) => e);

    expect(error.field).toBe('rows');
    expect(error.message).toContain('Rows must be 4..30.');
  });

  test('an unreachable server is a network error', async () => {
    const { request } = fakeRequest([new Error('request:fail timeout')]);
    const lobby = createLobby({ baseUrl: 'http://h', request });

    await expect(lobby.listRooms()).rejects.toMatchObject({ network: true });
  });

  test('a missing room is a 404 error', async () => {
    const { request, calls } = fakeRequest([{ status: 404, data: { title: 'No such room.' } }]);
    const lobby = createLobby({ baseUrl: 'http://h', request });

    await expect(lobby.getRoom('a b')).rejects.toMatchObject({ status: 404, message: 'No such room.' });
    expect(calls[0].url).toBe('http://h/api/rooms/a%20b');
  });

  test('a room list that is not an array is refused', async () => {
    const { request } = fakeRequest([{ status: 200, data: '<html>' }]);

    await expect(createLobby({ baseUrl: 'http://h', request }).listRooms()).rejects.toThrow(/bad room list/);
  });
});
