/**
 * Writes the host configurations of a build: `_headers` into the site, where Netlify and
 * Cloudflare Pages read it and never serve it, and the nginx and Apache files beside the site
 * (`dist-host/` next to `dist/`), out of the web root: a plain nginx serves every file of its
 * root, `.htaccess` and `*.conf` included. See docs/decisions/016-host-headers.md.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  FORMER_SITE_HOST_FILES,
  SERVER_CONFIGS,
  SITE_HOST_CONFIGS,
  serverConfigDir,
  type PolicyInputs,
} from './content-security-policy.ts';

/** Returns the folder the server configurations went to. */
export function writeHostConfigs(outDir: string, policy: PolicyInputs): string {
  for (const [name, write] of Object.entries(SITE_HOST_CONFIGS)) {
    writeFileSync(path.join(outDir, name), write(policy));
  }
  // The build keeps dist/ between builds: server files an earlier build put there must go.
  for (const name of FORMER_SITE_HOST_FILES) rmSync(path.join(outDir, name), { force: true });
  const serverDir = serverConfigDir(outDir);
  mkdirSync(serverDir, { recursive: true });
  for (const [name, write] of Object.entries(SERVER_CONFIGS)) {
    writeFileSync(path.join(serverDir, name), write(policy));
  }
  return serverDir;
}
