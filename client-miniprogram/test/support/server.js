/*
 * Builds and runs the real GoldMiner server (../GoldMiner.Server) on a free loopback port for the
 * end-to-end test, and stops it afterwards. Its database lives in a fresh temporary folder.
 */
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const PROJECT = path.resolve(__dirname, '../../../GoldMiner.Server');
const BIN = path.join(PROJECT, 'bin', 'Debug', 'net10.0');
const DLL = path.join(BIN, 'GoldMiner.Server.dll');

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

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, Object.assign({ stdio: ['ignore', 'pipe', 'pipe'] }, options));
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(command + ' ' + args.join(' ') + ' exited with ' + code + ':\n' + output.slice(-4000)))));
  });
}

/** `dotnet build` once (skipped with GOLDMINER_SERVER_PREBUILT=1 when the dll is there already). */
async function buildServer() {
  if (process.env.GOLDMINER_SERVER_PREBUILT === '1' && fs.existsSync(DLL)) return;
  await run('dotnet', ['build', PROJECT, '-nologo', '-v', 'q', '-p:UseSharedCompilation=false'], { env: Object.assign({ DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' }, process.env) });
}

/**
 * Starts the built server and resolves once it has said it listens and /healthz answers 200.
 * Waits on the process's own output; a health probe is repeated only if the first one is early.
 */
async function startServer(options) {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'goldminer-e2e-'));
  const base = 'http://127.0.0.1:' + port;
  const args = [
    DLL,
    '--contentRoot', BIN,
    '--urls', base,
    '--GoldMiner:Limits:RoomsPerMinutePerAddress=1000',
    '--GoldMiner:SeatHoldSeconds=' + ((options && options.seatHoldSeconds) || 120),
    '--ConnectionStrings:GoldMiner=Data Source=' + path.join(dataDir, 'goldminer.db'),
  ];
  const child = spawn('dotnet', args, { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'], env: Object.assign({ DOTNET_NOLOGO: '1' }, process.env) });
  let log = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

  await new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('the server did not start within 60 s:\n' + log.slice(-4000))), 60000);
    const onData = (d) => {
      log += d;
      if (/Now listening on/.test(log)) {
        clearTimeout(timeout);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => { log += d; });
    exited.then(({ code }) => {
      clearTimeout(timeout);
      reject(new Error('the server exited with ' + code + ' before listening:\n' + log.slice(-4000)));
    });
  });

  await waitHealthy(base, () => log);

  return {
    http: base,
    ws: 'ws://127.0.0.1:' + port + '/ws',
    log: () => log,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 10000);
      await exited;
      clearTimeout(kill);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitHealthy(base, log) {
  const deadline = Date.now() + 30000;
  for (;;) {
    const res = await fetch(base + '/healthz').catch(() => null);
    if (res && res.status === 200) return;
    if (Date.now() > deadline) throw new Error('/healthz did not answer 200:\n' + log().slice(-4000));
    // Kestrel said it listens; health checks may still be warming up. Retry on the next tick of a
    // short timer: this waits for a condition, it is not a fixed pause in the test.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

module.exports = { buildServer, startServer, DLL };
