/**
 * The host configurations as real hosts read them: Debian's nginx and Apache, started on
 * 127.0.0.1 with the files the build writes, serving a small site. Skipped, with the reason
 * in the test's name, where a server is not installed (`apt-get install nginx apache2`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  writeFile,
} from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DEPLOY_DIR, securityHeaders } from './content-security-policy.ts';
import { writeHostConfigs } from './write-host-configs.ts';
import { IMMUTABLE, REVALIDATE } from './cache-control.ts';

const policy = { scripts: ['boot();'], styles: ['h1{color:red}'] };
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((file) => existsSync(file));
const APACHE = ['/usr/sbin/apache2', '/usr/sbin/httpd'].find((file) => existsSync(file));
const APACHE_MODULES = '/usr/lib/apache2/modules';
/**
 * CI installs both servers (`.ci/run`), so there they must run; on a machine without them the
 * real-server checks are left to CI, and the run says so.
 */
const MUST_RUN_SERVERS = Boolean(process.env.CI);
function serverAt(name: string, file: string | undefined): string {
  if (file === undefined)
    throw new Error(
      `${name} is not installed (apt-get install -y ${name}); CI installs it in .ci/run`,
    );
  return file;
}
if (!MUST_RUN_SERVERS && (NGINX === undefined || APACHE === undefined))
  console.warn(
    'write-host-configs.test.ts: nginx or Apache is not installed here; their real-server checks run in CI',
  );

/** A deploy folder as the README describes it: the built site and the host folder beside it. */
async function deployFolder(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'reader-hosts-'));
  // The servers' workers drop root for an unprivileged user, who must read the site.
  await chmod(root, 0o755);
  const dist = path.join(root, 'dist');
  await mkdir(path.join(dist, 'an-article'), { recursive: true });
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Reader</title>');
  await writeFile(path.join(dist, 'an-article', 'index.html'), '<!doctype html><title>A</title>');
  await writeFile(path.join(dist, '404.html'), '<!doctype html><title>Page not found</title>');
  await writeFile(path.join(dist, 'assets', 'app-1a2b.js'), 'console.log(1);\n');
  await mkdir(path.join(dist, 'images', 'remote'), { recursive: true });
  await writeFile(path.join(dist, 'images', 'remote', '9f86d081.jpg'), 'a photo');
  await writeFile(path.join(dist, 'images', 'harbour.jpg'), 'a photo');
  await mkdir(path.join(dist, 'api', 'latest'), { recursive: true });
  await writeFile(path.join(dist, 'api', 'latest', 'front.json'), '{}');
  // What an earlier build left in the site: the build takes it out.
  await writeFile(path.join(dist, '.htaccess'), 'Header always set X-Old yes\n');
  await writeFile(path.join(dist, 'nginx-headers.conf'), 'add_header X-Old yes;\n');
  writeHostConfigs(dist, policy);
  return root;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a server process and waits (by attempts, not by the clock) until it answers. */
async function startProcess(
  command: string,
  args: string[],
  url: string,
  logFile: string,
): Promise<ChildProcess> {
  // A process group of its own: Apache, stopping, signals its whole group, which would
  // otherwise hold the test runner too.
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) break;
    try {
      await fetch(url);
      return child;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  child.kill();
  const log = await readFile(logFile, 'utf8').catch(() => '');
  throw new Error(`${command} did not start: ${stderr}${log}`);
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (child === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function expectSecurityHeaders(response: Response): void {
  for (const [name, value] of securityHeaders(policy)) {
    expect(response.headers.get(name), name).toBe(value);
  }
}

/** A page, and a missing page answered with the site's 404.html, both with every header. */
async function expectPageAndNotFound(site: string): Promise<void> {
  const page = await fetch(`${site}/an-article/`);
  expect(page.status).toBe(200);
  expectSecurityHeaders(page);
  const missing = await fetch(`${site}/no-such-page/`);
  expect(missing.status).toBe(404);
  expect(await missing.text()).toContain('<title>Page not found</title>');
  expectSecurityHeaders(missing);
}

/**
 * Decision 024: files named by their bytes are kept a year; pages, JSON and other photos are
 * revalidated on every use. One Cache-Control each: two would be joined, and mean nothing.
 */
async function expectCachePolicy(site: string): Promise<void> {
  const expected: [string, string][] = [
    ['/an-article/', REVALIDATE],
    ['/api/latest/front.json', REVALIDATE],
    ['/images/harbour.jpg', REVALIDATE],
    ['/assets/app-1a2b.js', IMMUTABLE],
    ['/images/remote/9f86d081.jpg', IMMUTABLE],
  ];
  for (const [file, value] of expected) {
    const answer = await fetch(`${site}${file}`);
    expect(answer.status, file).toBe(200);
    expect(answer.headers.get('cache-control'), file).toBe(value);
  }
}

/** The files the build wrote, none of which a reader may fetch from the site. */
const HOST_FILE_PATHS = [
  '/_headers',
  '/.htaccess',
  '/nginx-headers.conf',
  '/nginx-site.conf',
  '/apache-headers.conf',
];

describe('the build writes host files where hosts read them, not into the site', () => {
  it('keeps only _headers in the site, and removes what earlier builds put there', async () => {
    const root = await deployFolder();
    try {
      const dist = await readdir(path.join(root, 'dist'));
      expect(dist.sort()).toEqual([
        '404.html',
        '_headers',
        'an-article',
        'api',
        'assets',
        'images',
        'index.html',
      ]);
      expect((await readdir(path.join(root, 'dist-host'))).sort()).toEqual([
        'apache-headers.conf',
        'nginx-headers.conf',
        'nginx-site.conf',
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe.skipIf(NGINX === undefined && !MUST_RUN_SERVERS)(
  'nginx with the example server block',
  () => {
    let root = '';
    let nginx: ChildProcess | undefined;
    let site = '';
    let bare = '';

    beforeAll(async () => {
      root = await deployFolder();
      const [port, barePort] = [await freePort(), await freePort()];
      const example = (await readFile(path.join(root, 'dist-host', 'nginx-site.conf'), 'utf8'))
        .replaceAll(EXAMPLE_DEPLOY_DIR, root)
        .replace('listen 80;', `listen 127.0.0.1:${port};`);
      // The same block without the include in /assets/: what nginx does to inherited headers.
      const withoutInclude = example
        .replace(`listen 127.0.0.1:${port};`, `listen 127.0.0.1:${barePort};`)
        .replace(/(location \/assets\/ \{\n)\s*include [^\n]+\n/, '$1');
      const log = path.join(root, 'nginx-error.log');
      await writeFile(
        path.join(root, 'nginx.conf'),
        [
          'daemon off;',
          `pid ${root}/nginx.pid;`,
          `error_log ${log};`,
          'events {}',
          'http {',
          '  include /etc/nginx/mime.types;',
          '  access_log off;',
          ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
            (name) => `  ${name}_temp_path ${root}/${name}-temp;`,
          ),
          example,
          withoutInclude,
          '}',
          '',
        ].join('\n'),
      );
      site = `http://127.0.0.1:${port}`;
      bare = `http://127.0.0.1:${barePort}`;
      nginx = await startProcess(
        serverAt('nginx', NGINX),
        ['-p', root, '-c', path.join(root, 'nginx.conf')],
        `${site}/`,
        log,
      );
    });

    afterAll(async () => {
      await stopProcess(nginx);
      await rm(root, { recursive: true, force: true });
    });

    it('sends every security header on a page, a missing page and a redirect', async () => {
      await expectPageAndNotFound(site);
      const moved = await fetch(`${site}/an-article`, { redirect: 'manual' });
      expect(moved.status).toBe(301);
      expect(moved.headers.get('location')).toBe('/an-article/');
      expectSecurityHeaders(moved);
    });

    it('sends them on an asset, under a location with an add_header of its own', async () => {
      const asset = await fetch(`${site}/assets/app-1a2b.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expectSecurityHeaders(asset);
      // Without the include in that location, nginx drops every inherited header there.
      const dropped = await fetch(`${bare}/assets/app-1a2b.js`);
      expect(dropped.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(dropped.headers.get('content-security-policy')).toBeNull();
    });

    it('keeps files named by their bytes a year, and has everything else revalidated', async () => {
      await expectCachePolicy(site);
    });

    it.each(HOST_FILE_PATHS)('does not serve %s', async (file) => {
      const answer = await fetch(`${site}${file}`);
      expect(answer.status).toBe(404);
      expect(await answer.text()).not.toMatch(/add_header|Header always|Content-Security-Policy/);
    });
  },
);

describe.skipIf(APACHE === undefined && !MUST_RUN_SERVERS)(
  'Apache with the headers file as .htaccess',
  () => {
    let root = '';

    beforeAll(async () => {
      root = await deployFolder();
      await copyFile(
        path.join(root, 'dist-host', 'apache-headers.conf'),
        path.join(root, 'dist', '.htaccess'),
      );
    });

    afterAll(async () => {
      await rm(root, { recursive: true, force: true });
    });

    /** A minimal Apache 2.4 configuration serving dist/, as Debian's own does it. */
    async function apacheConfig(name: string, port: number, modules: string[], extra = '') {
      const file = path.join(root, `${name}.conf`);
      const asRoot = process.getuid?.() === 0 ? 'User nobody\nGroup nogroup\n' : '';
      await writeFile(
        file,
        `ServerRoot "${root}"
DefaultRuntimeDir "${root}"
PidFile "${root}/${name}.pid"
ErrorLog "${root}/${name}-error.log"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
${asRoot}${['mpm_prefork', 'authz_core', 'mime', 'dir', 'alias', ...modules]
          .map((module) => `LoadModule ${module}_module ${APACHE_MODULES}/mod_${module}.so`)
          .join('\n')}
TypesConfig /etc/mime.types
DocumentRoot "${root}/dist"
DirectoryIndex index.html
<Directory "${root}/dist">
  AllowOverride FileInfo
  Require all granted
</Directory>
# As Debian's apache2.conf: .htaccess files are never served.
<FilesMatch "^\\.ht">
  Require all denied
</FilesMatch>
${extra}
`,
      );
      return file;
    }

    async function withApache(
      modules: string[],
      run: (site: string, log: () => Promise<string>) => Promise<void>,
    ) {
      const port = await freePort();
      const name = `apache-${port}`;
      const config = await apacheConfig(name, port, modules);
      const log = path.join(root, `${name}-error.log`);
      const site = `http://127.0.0.1:${port}`;
      const apache = await startProcess(
        serverAt('apache2', APACHE),
        ['-f', config, '-DFOREGROUND'],
        `${site}/`,
        log,
      );
      try {
        await run(site, () => readFile(log, 'utf8'));
      } finally {
        await stopProcess(apache);
      }
    }

    it('sends every security header on a page and a missing page, and hides host files', async () => {
      await withApache(['headers'], async (site) => {
        await expectPageAndNotFound(site);
        for (const file of HOST_FILE_PATHS) {
          const answer = await fetch(`${site}${file}`);
          // .ht* files are Apache's to refuse (403), as its default configuration does.
          expect(answer.status, file).toBe(file === '/.htaccess' ? 403 : 404);
          expect(await answer.text(), file).not.toMatch(/Header always|Content-Security-Policy/);
        }
      });
    });

    it('keeps files named by their bytes a year, and has everything else revalidated', async () => {
      await withApache(['headers'], async (site) => {
        await expectCachePolicy(site);
      });
    });

    it('refuses to serve without mod_headers, and says why in its error log', async () => {
      await withApache([], async (site, log) => {
        const page = await fetch(`${site}/an-article/`);
        expect(page.status).toBe(500);
        expect(await page.text()).not.toContain('<title>A</title>');
        expect(await log()).toContain(
          'news reader: the security headers need mod_headers (a2enmod headers)',
        );
      });
    });

    it('will not start without mod_headers when the file is in the server configuration', async () => {
      const port = await freePort();
      const config = await apacheConfig(
        'apache-include',
        port,
        [],
        `Include "${root}/dist-host/apache-headers.conf"`,
      );
      const check = spawnSync(serverAt('apache2', APACHE), ['-t', '-f', config], {
        encoding: 'utf8',
      });
      expect(check.status).not.toBe(0);
      expect(check.stderr).toContain(
        'news reader: the security headers need mod_headers (a2enmod headers)',
      );
    });
  },
);
