// Measures mini-programs in headless Chromium against a running node (measure.sh --scenario mini-program starts one):
// the open of a released app from Discover → Mini Programs (launch, package fetch, runtime frames, first render of a
// 1,000-row page) and a setData that replaces those 1,000 rows (from the call in the app's logic to the callback the
// view's render answers). Each is repeated N times after one unmeasured warm-up; the medians are the figures.
//
//   node mini-program.mjs --url http://127.0.0.1:PORT/ --operator HANDLE [--runs 5] [--out FILE.json]

import { chromium } from 'playwright-core';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import os from 'node:os';

const args = parseArgs(process.argv.slice(2));
const base = new URL(args.url ?? fail('--url is required'));
const operator = args.operator ?? fail('--operator is required');
const runs = Number(args.runs ?? 5);
const chromiumPath = args.chromium ?? '/usr/bin/chromium';
const password = 'bench-password-1';

// The app: one page of 1,000 rows, and a button whose setData replaces every row, timing itself in the logic worker.
const files = {
  'app.json': JSON.stringify({ pages: ['pages/list/list'], window: { navigationBarTitleText: 'Bench' } }),
  'app.js': 'App({});',
  'pages/list/list.js': `
const rows = (round) => Array.from({ length: 1000 }, (_, i) => ({ id: i, name: 'Item ' + i, count: round * i }));
Page({
  data: { items: rows(0), round: 0, elapsed: '' },
  update() {
    const round = this.data.round + 1;
    const started = performance.now();
    this.setData({ items: rows(round), round }, () => {
      this.setData({ elapsed: 'round ' + round + ': ' + (performance.now() - started).toFixed(1) });
    });
  },
});`,
  'pages/list/list.wxml': `<view class="bar"><button id="update" bindtap="update">Update</button><text id="elapsed">{{elapsed}}</text></view>
<view wx:for="{{items}}" wx:key="id" class="row"><text class="name">{{item.name}}</text><text class="count">{{item.count}}</text></view>`,
  'pages/list/list.wxss': '.row { display: flex; justify-content: space-between; padding: 12rpx 24rpx; }',
};

const loadavgBefore = os.loadavg();
const ops = await signUp(operator);
await api(ops, 'PUT', 'api/v1/mini-programs/developer', { name: 'Bench' });
const created = await api(ops, 'POST', 'api/v1/mini-programs', { name: 'Bench list' });
const appId = created.app.appId;
const version = await api(ops, 'POST', `api/v1/mini-programs/${appId}/versions?version=1.0.0`, zip(files), 'application/zip');
await api(ops, 'POST', `api/v1/mini-programs/${appId}/versions/${version.id}/submit`);
await api(ops, 'POST', `api/v1/admin/mini-programs/versions/${version.id}/approve`);
await api(ops, 'POST', `api/v1/mini-programs/${appId}/versions/${version.id}/release`);

const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
const opens = [];
const updates = [];
try {
  const page = await (await browser.newContext({ baseURL: base.href })).newPage();
  await page.goto('signin');
  await page.fill('#handle', operator);
  await page.fill('#password', password);
  await page.click('form button[type=submit]');
  await page.waitForURL((url) => !url.pathname.endsWith('/signin'));
  const view = page.frameLocator('iframe.hmp-view:not([hidden])');

  // The first open goes by the app's own address from Discover → Mini Programs (Close goes back there); the measured
  // ones from Recently used, as a person comes back to it.
  await page.goto('mini-programs');
  await page.getByRole('heading', { name: 'Mini Programs' }).waitFor();
  await page.goto(`mp/${appId}`);
  await view.locator('.row').nth(999).waitFor();
  for (let i = 0; i <= runs; i++) {
    await page.getByRole('button', { name: 'Close mini-program' }).click();
    const row = page.getByRole('list', { name: 'Recently used' }).getByRole('link', { name: /Bench list/ });
    await row.waitFor();
    const started = performance.now();
    await row.click();
    await view.locator('.row').nth(999).waitFor({ timeout: 30000 });
    if (i > 0) opens.push(performance.now() - started);
  }

  for (let round = 1; round <= runs + 1; round++) {
    await view.locator('#update').click();
    const text = await view.locator('#elapsed').filter({ hasText: `round ${round}:` }).textContent({ timeout: 30000 });
    await view.locator('.row').nth(999).locator('.count').filter({ hasText: String(round * 999) }).waitFor();
    if (round > 1) updates.push(Number(text.split(': ')[1]));
  }
} finally {
  await browser.close();
}

const result = {
  scenario: 'mini-program',
  date: new Date().toISOString(),
  commit: args.commit ?? 'unknown',
  chromium: browser.version?.() ?? 'unknown',
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
  loadavgBefore,
  loadavgAfter: os.loadavg(),
  openMs: { runs: opens.map(round1), median: round1(median(opens)), target: 800 },
  setData1000Ms: { runs: updates.map(round1), median: round1(median(updates)), target: 50 },
};
console.log(`open (Recently used → 1,000th row shown): median ${result.openMs.median} ms of ${opens.map(round1).join(', ')}`);
console.log(`setData of 1,000 rows (call → rendered): median ${result.setData1000Ms.median} ms of ${updates.map(round1).join(', ')}`);
if (args.out) {
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(result, null, 2));
  console.log(`written to ${args.out}`);
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
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
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

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round1(value) { return Math.round(value * 10) / 10; }

function parseArgs(list) {
  const parsed = {};
  for (let i = 0; i < list.length; i += 2) parsed[list[i].replace(/^--/, '')] = list[i + 1];
  return parsed;
}

function fail(message) { console.error(message); process.exit(1); }
