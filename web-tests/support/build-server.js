'use strict';

/*
 * Builds GoldMiner.Server (Debug) when its dll is missing or older than any of its sources. The
 * web client is embedded in that dll, so a stale build would test yesterday's pages.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const paths = require('./paths');

/** Files that end up inside the dll (appsettings.json, say, is copied beside it and never makes it stale). */
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

function stale(build) {
  if (!fs.existsSync(build.dll)) return path.basename(build.dll) + ' is not built yet';
  const built = fs.statSync(build.dll).mtimeMs;
  return Math.max(...build.sources.map(newestSource)) > built ? path.basename(build.dll) + ' is older than its sources' : null;
}

function buildIfStale() {
  const reasons = paths.builds.map(stale).filter(Boolean);
  if (reasons.length === 0) {
    console.log('GoldMiner.Server is up to date.');
    return;
  }
  console.log(reasons.join('; ') + ': building GoldMiner.Server…');
  const result = spawnSync('dotnet', ['build', paths.serverProject, '-c', 'Debug', '--nologo', '-v', 'q'], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('dotnet build failed (exit ' + result.status + ').');
    process.exit(result.status || 1);
  }
}

buildIfStale();
