// Opens a generated dyad page in headless Chromium (Debian's /usr/bin/chromium, driven
// by playwright-core) and checks what a reader would get:
//   - no console errors or page errors;
//   - no network request at all besides the file itself;
//   - full-page screenshots in light and dark colour schemes that are not blank
//     (enough pixels differ from the page background), the light one light and the dark
//     one dark;
//   - at least --min-svg accessible SVG images (role="img");
//   - at a phone width (375 px), nothing overflows horizontally.
//
// usage: node page_test.mjs [--min-svg=N] [--phone-overflow=warn] OUT_DIR NAME COMMAND [ARGS...]
//   COMMAND ARGS writes the page; the argument "{out}" is replaced by OUT_DIR/NAME.html
//   (appended when absent). Screenshots: OUT_DIR/NAME-{light,dark,phone}.png.
// DYAD_SKIP_BROWSER=1 skips (exit 77, which ctest reports as skipped). CI installs
// chromium and tests/browser/node_modules through scripts/setup, so there it runs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';

const SKIP = 77;
if (process.env.DYAD_SKIP_BROWSER === '1') {
  console.log('report_browser: skipped (DYAD_SKIP_BROWSER=1)');
  process.exit(SKIP);
}
const argv = process.argv.slice(2);
let minSvg = 1, overflowFails = true;
while (argv.length && argv[0].startsWith('--')) {
  const opt = argv.shift();
  const m = /^--min-svg=(\d+)$/.exec(opt);
  if (m) minSvg = Number(m[1]);
  else if (opt === '--phone-overflow=warn') overflowFails = false;
  else { console.error(`unknown option ${opt}`); process.exit(2); }
}
const [outDir, name, command, ...commandArgs] = argv;
if (!outDir || !name || !command) {
  console.error('usage: node page_test.mjs [--min-svg=N] OUT_DIR NAME COMMAND [ARGS...]');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const chromiumPath = process.env.DYAD_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  console.error(`report_browser: ${chromiumPath} not found; run scripts/setup (Debian package chromium)`);
  process.exit(1);
}
let chromium;
try {
  chromium = createRequire(join(here, 'package.json'))('playwright-core').chromium;
} catch (e) {
  console.error('report_browser: playwright-core missing in tests/browser/node_modules; run scripts/setup');
  process.exit(1);
}

// Minimal PNG decoder (8-bit RGB/RGBA, non-interlaced: what Chromium writes).
function decodePng(buf) {
  let pos = 8, width = 0, height = 0, colorType = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('unsupported PNG');
      colorType = data[9];
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (!bpp) throw new Error(`unsupported PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp, px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)], src = y * (stride + 1) + 1, dst = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? px[dst + x - bpp] : 0, b = y > 0 ? px[dst + x - stride] : 0;
      const c = x >= bpp && y > 0 ? px[dst + x - stride - bpp] : 0;
      let v = raw[src + x];
      if (f === 1) v += a;
      else if (f === 2) v += b;
      else if (f === 3) v += (a + b) >> 1;
      else if (f === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      px[dst + x] = v & 255;
    }
  }
  return { width, height, bpp, px };
}

// Share of pixels that differ from the top-left (background) pixel, and the mean luma.
function inkStats({ width, height, bpp, px }) {
  const bg = [px[0], px[1], px[2]];
  let ink = 0, luma = 0;
  for (let i = 0; i < width * height; i++) {
    const o = i * bpp;
    if (Math.abs(px[o] - bg[0]) + Math.abs(px[o + 1] - bg[1]) + Math.abs(px[o + 2] - bg[2]) > 30) ink++;
    luma += 0.2126 * px[o] + 0.7152 * px[o + 1] + 0.0722 * px[o + 2];
  }
  return { ink: ink / (width * height), luma: luma / (width * height), bg };
}

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); };

mkdirSync(outDir, { recursive: true });
const pagePath = join(outDir, `${name}.html`);
const args = commandArgs.includes('{out}') ? commandArgs.map((a) => (a === '{out}' ? pagePath : a))
                                           : [...commandArgs, pagePath];
execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const pageUrl = pathToFileURL(pagePath).href;
const profile = mkdtempSync(join(tmpdir(), 'dyad-chromium-'));
// A persistent context is how playwright takes a fresh --user-data-dir.
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1100, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const shots = {};
  for (const scheme of ['light', 'dark']) {
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    const errors = [], requests = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => { if (r.url() !== pageUrl) requests.push(r.url()); });
    await page.goto(pageUrl, { waitUntil: 'load' });
    const png = await page.screenshot({ fullPage: true });
    const file = join(outDir, `${name}-${scheme}.png`);
    writeFileSync(file, png);
    const stats = inkStats(decodePng(png));
    shots[scheme] = stats;
    check(errors.length === 0, `${scheme}: no console errors ${errors.length ? JSON.stringify(errors) : ''}`);
    check(requests.length === 0, `${scheme}: no network requests ${requests.length ? JSON.stringify(requests) : ''}`);
    check(stats.ink > 0.03, `${scheme}: screenshot not blank (${(stats.ink * 100).toFixed(1)}% ink, ${file})`);
    const svgs = await page.locator('svg[role="img"]').count();
    check(svgs >= minSvg, `${scheme}: ${svgs} accessible SVG images (at least ${minSvg})`);
    await page.close();
  }
  check(shots.light.luma > 170 && shots.dark.luma < 90,
        `light page is light (${shots.light.luma.toFixed(0)}) and dark page is dark (${shots.dark.luma.toFixed(0)})`);

  const page = await context.newPage();
  await page.setViewportSize({ width: 375, height: 740 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(pageUrl, { waitUntil: 'load' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  writeFileSync(join(outDir, `${name}-phone.png`), await page.screenshot({ fullPage: true }));
  if (overflowFails || overflow <= 0) check(overflow <= 0, `phone width: no horizontal overflow (${overflow}px)`);
  else console.log(`WARN phone width: the page is ${overflow}px wider than a 375px screen`);
  await page.close();
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${failures.length ? failures.length : 0} failed`);
process.exit(failures.length ? 1 : 0);
