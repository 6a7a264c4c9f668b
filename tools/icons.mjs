// Render the PWA icons (PNG) from the committed SVG sources with the system Chromium.
// Usage: node tools/icons.mjs   (re-run after editing public/icons/*.svg; commit the PNGs)
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const icons = path.join(root, 'public', 'icons');
const jobs = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon.svg', 'apple-touch-icon-180.png', 180],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  for (const [src, out, size] of jobs) {
    const svg = await readFile(path.join(icons, src), 'utf8');
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: path.join(icons, out), omitBackground: true });
    // Flat artwork: a palette PNG is a quarter of the size (issue #2, size budget).
    // Needs Debian's pngquant (apt-get install pngquant).
    execFileSync('pngquant', ['--quality', '65-90', '--strip', '--speed', '1', '--force',
      '--output', path.join(icons, out), path.join(icons, out)]);
    await page.close();
    console.log(`public/icons/${out} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
