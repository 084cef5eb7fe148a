'use strict';

const path = require('node:path');

const repo = path.resolve(__dirname, '..', '..');
const serverProject = path.join(repo, 'GoldMiner.Server');
const serverOutput = path.join(serverProject, 'bin', 'Debug', 'net10.0');

module.exports = {
  repo,
  serverProject,
  serverOutput,
  serverDll: path.join(serverOutput, 'GoldMiner.Server.dll'),
  // Each dll in the server's output with what it is built from (the web client and the shared
  // utils are embedded in GoldMiner.Server.dll). A Core change that leaves Core's public surface
  // alone does not rewrite the server dll, hence one pair per project.
  builds: [
    {
      dll: path.join(serverOutput, 'GoldMiner.Server.dll'),
      sources: [serverProject, path.join(repo, 'client-miniprogram', 'utils'), path.join(repo, 'Directory.Build.props'), path.join(repo, 'Directory.Packages.props')],
    },
    {
      dll: path.join(serverOutput, 'GoldMiner.Core.dll'),
      sources: [path.join(repo, 'GoldMiner.Core'), path.join(repo, 'Directory.Build.props')],
    },
  ],
};
