// The web app in Debian's Chromium (playwright-core), against the real `dyad serve`:
//   - search "Kyrgyz Rep" -> Kyrgyzstan, "United States", as of 2010-01-01 -> the pair page
//     names the US ambassador then in office (Gfoeller);
//   - changing the date changes the URL and the content (2012-03-01: Spratlen); reload
//     restores it; back returns to 2010;
//   - "Congo" offers both Congos; "Kirghizia" as of 1990 offers the Kirghiz SSR first;
//   - the state page draws the world map with the state highlighted and the table;
//   - no console errors, no request leaves the origin;
//   - screenshots light and dark, desktop and phone width (OUT_DIR/*.png), not blank,
//     the dark ones dark; nothing wider than a phone's screen; keyboard reaches the search.
//
// usage: node app_browser_test.mjs PATH/TO/dyad OUT_DIR. DYAD_SKIP_BROWSER=1 skips (77).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { startServer, stopServer } from './serve_util.mjs';

if (process.env.DYAD_SKIP_BROWSER === '1') { console.log('skipped (DYAD_SKIP_BROWSER=1)'); process.exit(77); }
const [dyad, outDir] = process.argv.slice(2);
const here = dirname(fileURLToPath(import.meta.url));
const chromiumPath = process.env.DYAD_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) { console.error(`${chromiumPath} not found; run scripts/setup`); process.exit(1); }
const { chromium } = createRequire(join(here, '..', 'browser', 'package.json'))('playwright-core');
mkdirSync(outDir, { recursive: true });

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`); };

const server = startServer(dyad);
const base = await server.ready;
const origin = new URL(base).origin;
const profile = mkdtempSync(join(tmpdir(), 'dyad-app-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: chromiumPath, headless: true, viewport: { width: 1200, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const errors = [], offOrigin = [];
function watch(page) {
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { const u = r.url(); if (!u.startsWith(origin + '/') && !u.startsWith('data:')) offOrigin.push(u); });
  return page;
}
const text = (page, sel) => page.locator(sel).innerText();
// The mean luminance of a screenshot's top strip, through the page's own canvas.
async function luminance(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = Math.min(img.height, 600);
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let sum = 0, distinct = new Set();
    for (let i = 0; i < d.length; i += 4 * 97) { sum += 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]; distinct.add(d[i] << 16 | d[i + 1] << 8 | d[i + 2]); }
    return { mean: sum / (d.length / (4 * 97)), colours: distinct.size };
  }, png.toString('base64'));
}

try {
  const page = watch(await context.newPage());
  await page.goto(base, { waitUntil: 'load' });

  // Keyboard: the first Tab reaches the skip link, then the search box is reachable.
  await page.keyboard.press('Tab');
  check(await page.evaluate(() => document.activeElement.className) === 'skip', 'Tab first reaches the skip link');

  // Search and pick with the keyboard.
  await page.fill('#state-a', 'Kyrgyz Rep');
  await page.waitForSelector('#state-a-list [role=option]');
  check((await text(page, '#state-a-list [role=option]')).includes('Kyrgyzstan'), '"Kyrgyz Rep" suggests Kyrgyzstan first');
  await page.press('#state-a', 'Enter');
  check(await page.inputValue('#state-a') === 'Kyrgyzstan', 'Enter picks Kyrgyzstan');
  await page.fill('#state-b', 'United States');
  await page.waitForSelector('#state-b-list [role=option]');
  await page.press('#state-b', 'Enter');
  await page.fill('#search-date', '2010-01-01');
  await page.click('#go-pair');
  await page.waitForURL(/\/pair\/KGZ\/USA\?as_of=2010-01-01$/);
  await page.waitForSelector('#envoys table');
  check(true, `search -> pick -> ${page.url()}`);
  const envoys2010 = await text(page, '#envoys');
  check(envoys2010.includes('Gfoeller'), 'as of 2010-01-01 the pair page names Tatiana Gfoeller');
  check((await text(page, '#relations-summary')).includes('in relations'), 'the relations summary says in relations');
  await page.waitForSelector('#dossier-frame');
  const frame = page.frameLocator('#dossier-frame');
  await frame.locator('h1').waitFor();
  check((await frame.locator('h1').innerText()).includes('Kyrgyzstan'), 'the dossier page is shown in the pair page');

  // Change the date: URL and content follow.
  await page.fill('#pair-date', '2012-03-01');
  await page.dispatchEvent('#pair-date', 'change');
  await page.waitForURL(/as_of=2012-03-01$/);
  await page.waitForFunction(() => document.querySelector('#envoys') && document.querySelector('#envoys').innerText.includes('Spratlen'));
  check(!(await text(page, '#envoys')).includes('Gfoeller-Volkoff, Ambassador'), 'as of 2012-03-01: Spratlen, not Gfoeller');
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('#envoys table');
  check((await text(page, '#envoys')).includes('Spratlen') && await page.inputValue('#pair-date') === '2012-03-01', 'reload restores the 2012-03-01 view');
  await page.goBack();
  await page.waitForURL(/as_of=2010-01-01$/);
  await page.waitForFunction(() => document.querySelector('#envoys') && document.querySelector('#envoys').innerText.includes('Gfoeller'));
  check(true, 'back returns to 2010-01-01 with Gfoeller');

  // Screenshots of the pair page: light/dark, desktop/phone.
  const shots = {};
  for (const [w, h, label] of [[1200, 900, 'desktop'], [375, 812, 'phone']]) {
    await page.setViewportSize({ width: w, height: h });
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(100);
      const png = await page.screenshot({ path: join(outDir, `pair-${label}-${scheme}.png`), fullPage: false });
      shots[`${label}-${scheme}`] = await luminance(page, png);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 0, `${label}: nothing wider than the screen (overflow ${overflow}px)`);
  }
  for (const label of ['desktop', 'phone']) {
    const l = shots[`${label}-light`], d = shots[`${label}-dark`];
    check(l.colours > 3 && d.colours > 3, `${label} screenshots are not blank (${l.colours}, ${d.colours} colours)`);
    check(l.mean > 150 && d.mean < 90, `${label}: light is light (${l.mean.toFixed(0)}), dark is dark (${d.mean.toFixed(0)})`);
  }
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });

  // Ambiguity and dates in the search.
  await page.goto(base, { waitUntil: 'load' });
  await page.fill('#state-a', 'Congo');
  await page.waitForSelector('#state-a-list [role=option]:nth-child(2)');
  const congo = await text(page, '#state-a-list');
  check(congo.includes('(COG)') && congo.includes('(COD)'), '"Congo" offers both Congos');
  await page.fill('#search-date', '1990-06-01');
  await page.fill('#state-a', 'Kirghizia');
  await page.waitForFunction(() => { const o = document.querySelector('#state-a-list [role=option]'); return o && o.innerText.includes('SU-KG'); });
  check(true, '"Kirghizia" as of 1990 offers the Kirghiz SSR first');

  // The state page with the map.
  await page.goto(base + 'state/KGZ?on=2012-03-01', { waitUntil: 'load' });
  await page.waitForSelector('#map svg path.rel-self');
  const coloured = await page.locator('#map svg path.rel-in').count();
  check(coloured >= 1, `the world map highlights Kyrgyzstan and colours ${coloured} states in relations`);
  check((await text(page, '#relations')).includes('United States'), 'the relations table lists the United States');
  check(await page.locator('#relations a[download]').count() === 1, 'the relations table has a CSV download');
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: join(outDir, `state-desktop-${scheme}.png`) });
  }
  await page.setViewportSize({ width: 375, height: 812 });
  await page.screenshot({ path: join(outDir, 'state-phone-dark.png') });

  check(errors.length === 0, `no console errors ${errors.length ? JSON.stringify(errors.slice(0, 5)) : ''}`);
  check(offOrigin.length === 0, `no request leaves the origin ${offOrigin.length ? JSON.stringify(offOrigin.slice(0, 5)) : ''}`);
} catch (e) {
  check(false, 'the run ended early: ' + (e && e.stack || e));
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await stopServer(server.child);
}
console.log(`${failures.length} failed; screenshots in ${outDir}`);
process.exit(failures.length ? 1 : 0);
