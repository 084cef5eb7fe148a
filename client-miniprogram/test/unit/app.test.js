const config = require('../../utils/config');

let app;

beforeAll(() => {
  global.App = (definition) => { app = definition; };
  require('../../app');
  delete global.App;
});

afterEach(() => {
  delete global.wx;
  config.use(config.servers.develop);
});

function launch(envVersion) {
  global.wx = { getAccountInfoSync: () => ({ miniProgram: { envVersion } }) };
  app.onLaunch();
}

test('the developer tools build talks to the local server', () => {
  launch('develop');

  expect(config.current()).toEqual({ http: 'http://127.0.0.1:5080', ws: 'ws://127.0.0.1:5080/ws' });
});

test('a release build talks to the https:// and wss:// production server', () => {
  launch('release');

  expect(config.current().ws).toMatch(/^wss:\/\//);
  expect(config.current().http).toMatch(/^https:\/\//);
});
