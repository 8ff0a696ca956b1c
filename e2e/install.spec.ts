/**
 * The reader installs on a phone's home screen: a web app manifest that Chromium reads
 * without complaint, with icons that exist at the sizes it states.
 */
import sharp from 'sharp';
import { expect, test } from './fixtures.ts';

type ManifestIcon = { src: string; type: string; sizes: string; purpose?: string };

test('a manifest with name, colours and icons, and nothing Chromium objects to', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const href = (await page.locator('link[rel="manifest"]').getAttribute('href')) ?? '';
  const response = await request.get(href);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await response.json()) as { icons: ManifestIcon[] };
  expect(manifest).toMatchObject({
    name: 'Middle East Monitor',
    start_url: '/',
    display: 'standalone',
    theme_color: '#0b3d3a',
  });

  for (const icon of manifest.icons) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    if (icon.type !== 'image/png') continue;
    const { width, height, format } = await sharp(await file.body()).metadata();
    expect(`${format} ${width}x${height}`, icon.src).toBe(`png ${icon.sizes}`);
  }
  const sizes = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));

  const cdp = await page.context().newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  expect(parsed.errors).toEqual([]);
  // Playwright's contexts are incognito, which Chromium never installs from: that one
  // reason aside, nothing stands in the way.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.filter(({ errorId }) => errorId !== 'in-incognito')).toEqual([]);
});
