// The real GoldMiner server for JavaScript tests: build it, start it on a free loopback port with a
// throw-away SQLite database, wait for /healthz, stop it. Plain Node, no packages: required by path
// from client-miniprogram/ and web-tests/. `node goldminer-server.js build-if-stale` builds from a shell.
'use strict';

const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const REPO = path.resolve(__dirname, '..');
const PROJECT = path.join(REPO, 'GoldMiner.Server');
const OUTPUT = path.join(PROJECT, 'bin', 'Debug', 'net10.0');
const DLL = path.join(OUTPUT, 'GoldMiner.Server.dll');

const START_TIMEOUT_MS = 60000;
const STOP_TIMEOUT_MS = 10000;
const LOG_CHARS = 20000;

// Each dll in the server's output with what it is built from: the web client (wwwroot) and the
// mini-program's utils/ are embedded in GoldMiner.Server.dll, so a stale dll would serve old pages.
// A Core change that leaves Core's public surface alone does not rewrite the server dll, hence a
// pair per project.
const BUILDS = [
  {
    dll: DLL,
    sources: [PROJECT, path.join(REPO, 'client-miniprogram', 'utils'), path.join(REPO, 'Directory.Build.props'), path.join(REPO, 'Directory.Packages.props')],
  },
  {
    dll: path.join(OUTPUT, 'GoldMiner.Core.dll'),
    sources: [path.join(REPO, 'GoldMiner.Core'), path.join(REPO, 'Directory.Build.props')],
  },
];

/** Files that end up inside a dll (appsettings.json, say, is copied beside it and never makes it stale). */
const COMPILED = /\.(cs|csproj|props|js|html|css|svg)$/;

function newestSource(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return COMPILED.test(entry) ? stat.mtimeMs : 0;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) {
    if (child === 'bin' || child === 'obj' || child === 'node_modules' || child.startsWith('.')) continue;
    newest = Math.max(newest, newestSource(path.join(entry, child)));
  }
  return newest;
}

/** Why the build output is out of date, or null when every dll is newer than its sources. */
function staleness() {
  const reasons = BUILDS.map((build) => {
    if (!fs.existsSync(build.dll)) return path.basename(build.dll) + ' is not built yet';
    const built = fs.statSync(build.dll).mtimeMs;
    return Math.max(...build.sources.map(newestSource)) > built ? path.basename(build.dll) + ' is older than its sources' : null;
  }).filter(Boolean);
  return reasons.length > 0 ? reasons.join('; ') : null;
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

/**
 * `dotnet build`s the server (Debug). With `onlyIfStale`, only when `staleness()` finds a reason;
 * otherwise always, leaving it to MSBuild to skip what is current. GOLDMINER_SERVER_PREBUILT=1 skips
 * the build whenever the dll exists. `say` (console.log, say) hears what was decided.
 */
async function buildServer(options) {
  const opts = Object.assign({ onlyIfStale: false, say: () => {} }, options);
  if (process.env.GOLDMINER_SERVER_PREBUILT === '1' && fs.existsSync(DLL)) {
    opts.say('GOLDMINER_SERVER_PREBUILT=1: using the GoldMiner.Server that is built.');
    return;
  }
  const reason = staleness();
  if (opts.onlyIfStale && !reason) {
    opts.say('GoldMiner.Server is up to date.');
    return;
  }
  opts.say((reason ? reason + ': ' : '') + 'building GoldMiner.Server…');
  // No shared compiler server: it would outlive the build holding our output pipes open.
  await run('dotnet', ['build', PROJECT, '-c', 'Debug', '-nologo', '-v', 'q', '-p:UseSharedCompilation=false'],
    { env: Object.assign({ DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' }, process.env) });
}

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

async function waitHealthy(url, child, log) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error('the server exited (' + (child.exitCode !== null ? child.exitCode : child.signalCode) + ') before /healthz answered:\n' + log());
    }
    const res = await fetch(url + '/healthz').catch(() => null);
    if (res) await res.arrayBuffer().catch(() => null);
    if (res && res.status === 200) return;
    if (Date.now() > deadline) throw new Error('/healthz did not answer 200 within ' + START_TIMEOUT_MS + ' ms:\n' + log());
    // Waits for a condition, polled on a short timer: Kestrel and its health checks start on their own time.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Starts the built server and resolves, once /healthz answers 200, to { url, ws, log(), stop() }.
 * Options: `seatHoldSeconds` (else appsettings.json's), `args` (more command-line settings).
 */
async function startServer(options) {
  const opts = Object.assign({ seatHoldSeconds: null, args: [] }, options);
  if (!fs.existsSync(DLL)) throw new Error('GoldMiner.Server is not built: ' + DLL + ' is missing.');
  const port = await freePort();
  const url = 'http://127.0.0.1:' + port;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'goldminer-js-test-'));
  const args = [
    DLL,
    // The build output is the content root, so appsettings.json is read as a deployed server reads it.
    '--contentRoot', OUTPUT,
    '--urls', url,
    '--GoldMiner:Limits:RoomsPerMinutePerAddress=1000',
    '--ConnectionStrings:GoldMiner=Data Source=' + path.join(dataDir, 'goldminer.db'),
  ];
  if (opts.seatHoldSeconds !== null) args.push('--GoldMiner:SeatHoldSeconds=' + opts.seatHoldSeconds);
  args.push(...opts.args);

  const child = spawn('dotnet', args, { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'], env: Object.assign({}, process.env, { DOTNET_NOLOGO: '1' }) });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  const keep = (chunk) => { output = (output + chunk).slice(-LOG_CHARS); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const log = () => output;

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(kill);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  try {
    await waitHealthy(url, child, log);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, ws: 'ws://127.0.0.1:' + port + '/ws', log, stop };
}

module.exports = { buildServer, startServer, DLL };

if (require.main === module) {
  if (process.argv.slice(2).join(' ') !== 'build-if-stale') {
    console.error('usage: node goldminer-server.js build-if-stale');
    process.exit(2);
  }
  buildServer({ onlyIfStale: true, say: console.log }).catch((e) => {
    console.error(e.message);
    process.exitCode = 1;
  });
}
