// Measures a mini-game's frame times in headless Chromium against a running node (measure.sh --scenario game starts
// one): the tap game sample (samples/tap-game), released unchanged, is played for the measured time (10 s by default)
// with a tap every 50 ms while its round runs. The figures are taken in the game's worker, where its code runs: the
// interval between consecutive frames the game draws (the view frame's animation-frame ticks as they reach the worker,
// so a frame the game's code made late shows as a long interval), and the time the worker spends on each frame (from
// the tick's arrival to the end of the game's requestAnimationFrame callbacks). Median and p95 of each.
//
//   node game.mjs --url http://127.0.0.1:PORT/ --operator HANDLE [--seconds 10] [--out FILE.json]

import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import os from 'node:os';

const args = parseArgs(process.argv.slice(2));
const base = new URL(args.url ?? fail('--url is required'));
const operator = args.operator ?? fail('--operator is required');
const seconds = Number(args.seconds ?? 10);
const chromiumPath = args.chromium ?? '/usr/bin/chromium';
const password = 'bench-password-1';
const sample = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'samples', 'tap-game');

const files = {};
for (const file of walk(sample)) {
  const path = relative(sample, file).split('\\').join('/');
  if (path !== 'README.md') files[path] = readFileSync(file);
}

const loadavgBefore = os.loadavg();
const ops = await signUp(operator);
await api(ops, 'PUT', 'api/v1/mini-programs/developer', { name: 'Bench' });
const created = await api(ops, 'POST', 'api/v1/mini-programs', { name: 'Bench Bubble Tap', kind: 'game' });
const appId = created.app.appId;
const version = await api(ops, 'POST', `api/v1/mini-programs/${appId}/versions?version=1.0.0`, zip(files), 'application/zip');
await api(ops, 'POST', `api/v1/mini-programs/${appId}/versions/${version.id}/submit`);
await api(ops, 'POST', `api/v1/admin/mini-programs/versions/${version.id}/approve`);
await api(ops, 'POST', `api/v1/mini-programs/${appId}/versions/${version.id}/release`);

const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
let samples;
let stage;
try {
  // A phone-sized window, as the game is portrait.
  const page = await (await browser.newContext({ baseURL: base.href, viewport: { width: 420, height: 860 } })).newPage();
  const workers = [];
  page.on('worker', (worker) => workers.push(worker));
  await page.goto('signin');
  await page.fill('#handle', operator);
  await page.fill('#password', password);
  await page.click('form button[type=submit]');
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'));

  // A round longer than the measurement, so the whole of it is play.
  await page.goto(`mp/${appId}?path=${encodeURIComponent('?round=' + Math.min(60, seconds + 5))}`);
  await page.locator('.hmg[data-state=running]').waitFor({ timeout: 30000 });
  const game = await findGameWorker(workers);
  const canvas = page.frameLocator('iframe.hmg-game').locator('canvas');
  const box = await canvas.boundingBox();
  stage = { width: Math.round(box.width), height: Math.round(box.height) };
  await canvas.click({ position: { x: box.width / 2, y: box.height * 0.62 } });

  // Listeners added now run after the runtime's own, so the end of a tick's dispatch is the end of the game's frame.
  await game.evaluate(() => {
    self.__bench = { arrivals: [], work: [] };
    self.addEventListener('message', (event) => {
      if (!event.data || event.data.type !== 'tick') return;
      const now = performance.now();
      self.__bench.arrivals.push(event.timeStamp);
      self.__bench.work.push(now - event.timeStamp);
    });
  });
  const started = Date.now();
  let i = 0;
  while (Date.now() - started < seconds * 1000) {
    const x = 30 + ((i * 47) % Math.max(1, box.width - 60));
    const y = 60 + ((i * 31) % Math.max(1, box.height * 0.5 - 60));
    await page.mouse.click(box.x + x, box.y + y);
    i++;
    await page.waitForTimeout(50);
  }
  samples = await game.evaluate(() => self.__bench);
} finally {
  await browser.close();
}

const intervals = samples.arrivals.slice(1).map((t, i) => t - samples.arrivals[i]);
const result = {
  scenario: 'game',
  date: new Date().toISOString(),
  commit: args.commit ?? 'unknown',
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
  loadavgBefore,
  loadavgAfter: os.loadavg(),
  seconds,
  stage,
  frames: samples.arrivals.length,
  frameIntervalMs: { median: round1(percentile(intervals, 50)), p95: round1(percentile(intervals, 95)), max: round1(Math.max(...intervals)), targetP95: 20 },
  frameWorkMs: { median: round1(percentile(samples.work, 50)), p95: round1(percentile(samples.work, 95)) },
};
console.log(`${result.frames} frames in ${seconds} s on a ${stage.width}x${stage.height} stage`);
console.log(`frame interval: median ${result.frameIntervalMs.median} ms, p95 ${result.frameIntervalMs.p95} ms, max ${result.frameIntervalMs.max} ms`);
console.log(`frame work in the game's worker: median ${result.frameWorkMs.median} ms, p95 ${result.frameWorkMs.p95} ms`);
if (args.out) {
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(result, null, 2));
  console.log(`written to ${args.out}`);
}

// The game's worker is the one with the game API and an on-screen canvas handed over; the open data context's has none.
async function findGameWorker(list) {
  for (let tries = 0; tries < 100; tries++) {
    for (const worker of list) {
      if (await worker.evaluate(() => self.name === 'hutong-game').catch(() => false)) return worker;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return fail('the game\'s worker did not start');
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
}

async function signUp(handle) {
  await api(null, 'POST', 'api/v1/accounts', { handle, password, displayName: 'Bench operator' });
  return (await api(null, 'POST', 'api/v1/sessions', { handle, password, deviceName: 'bench' })).token;
}

async function api(token, method, path, body, type = 'application/json') {
  const response = await fetch(new URL(path, base), {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': type }) },
    body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body,
  });
  if (!response.ok) fail(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

// A zip of the files, stored without compression: enough for a package, with no library.
function zip(entries) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(content);
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0); header.writeUInt16LE(20, 4); header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18); header.writeUInt32LE(data.length, 22); header.writeUInt16LE(nameBytes.length, 26);
    local.push(header, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0); entry.writeUInt16LE(20, 4); entry.writeUInt16LE(20, 6); entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20); entry.writeUInt32LE(data.length, 24); entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Object.keys(entries).length, 8); end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(size, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function round1(value) { return Math.round(value * 10) / 10; }

function parseArgs(list) {
  const parsed = {};
  for (let i = 0; i < list.length; i += 2) parsed[list[i].replace(/^--/, '')] = list[i + 1];
  return parsed;
}

function fail(message) { console.error(message); process.exit(1); }
