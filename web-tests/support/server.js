'use strict';

/*
 * The real GoldMiner server on a free local port, with its own throw-away database. Started from
 * its build output directory so it reads its appsettings.json as a deployed server would.
 */
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const paths = require('./paths');

const START_TIMEOUT_MS = 30000;
const STOP_TIMEOUT_MS = 10000;

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, child, output) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('The server exited with ' + child.exitCode + ':\n' + output());
    try {
      const res = await fetch(url + '/healthz');
      if (res.status === 200) return;
    } catch (e) {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The server did not become healthy within ' + START_TIMEOUT_MS + ' ms:\n' + output());
}

/** Starts the server; resolves to { url, stop(), output() }. */
async function startServer() {
  if (!fs.existsSync(paths.serverDll)) {
    throw new Error('GoldMiner.Server is not built: run `npm test` (its pretest builds it) or `node support/build-server.js`.');
  }
  const port = await freePort();
  const url = 'http://127.0.0.1:' + port;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'goldminer-web-tests-'));
  const child = spawn('dotnet', [
    paths.serverDll,
    '--urls', url,
    '--GoldMiner:Limits:RoomsPerMinutePerAddress=1000',
    '--ConnectionStrings:GoldMiner=Data Source=' + path.join(dataDir, 'goldminer.db'),
  ], { cwd: paths.serverOutput, stdio: ['ignore', 'pipe', 'pipe'], env: Object.assign({}, process.env, { DOTNET_NOLOGO: '1' }) });

  let log = '';
  const keep = (chunk) => {
    log = (log + chunk.toString()).slice(-20000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const output = () => log;

  try {
    await waitForHealth(url, child, output);
  } catch (e) {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }

  async function stop() {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  return { url, stop, output };
}

module.exports = { startServer };
