// Measures a story game's cold open from its card, in headless Chromium against a running node (measure.sh --scenario
// story starts one): a writer publishes the studio's "Choose your tea" (compiled here with the studio's own vendored
// inkjs) and sends its card to a friend; the friend, with the chat open, clicks the card, and the clock stops when the
// story's first choice shows in the player's frame (launch, story host and frame, story.json, inkjs, first passage).
// Each open is in a fresh browser context (nothing cached but what the node sends), after one unmeasured warm-up of
// the node; the median is the figure.
//
//   node story.mjs --url http://127.0.0.1:PORT/ [--runs 5] [--out FILE.json]

import { chromium } from 'playwright-core';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';

const args = parseArgs(process.argv.slice(2));
const base = new URL(args.url ?? fail('--url is required'));
const runs = Number(args.runs ?? 5);
const chromiumPath = args.chromium ?? '/usr/bin/chromium';
const password = 'bench-password-1';
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { Compiler } = await import(join(root, 'src/Hutong.Web/wwwroot/lib/inkjs/ink-full.mjs'));

const loadavgBefore = os.loadavg();
const tag = Date.now().toString(36);
const writer = await signUp(`writer${tag}`, 'Writer');
const reader = await signUp(`reader${tag}`, 'Reader');
const readerId = (await api(writer.token, 'GET', `api/v1/users/by-handle/reader${tag}`)).userId;
const request = await api(writer.token, 'POST', 'api/v1/friend-requests', { toUserId: readerId, greeting: 'hi' });
await api(reader.token, 'POST', `api/v1/friend-requests/${request.requestId}/accept`);

const draft = await api(writer.token, 'POST', 'api/v1/stories', { language: 'en', template: 'tea' });
const compiled = new Compiler(draft.source).Compile().ToJson();
const published = await api(writer.token, 'POST', `api/v1/stories/${draft.id}/publish`, { revision: draft.revision, compiled });
const appId = published.app.appId;
const { conversationId } = await api(writer.token, 'POST', 'api/v1/conversations', { kind: 'direct', peerUserId: readerId });
await api(writer.token, 'POST', `api/v1/conversations/${conversationId}/messages`, {
  clientMsgId: `bench-${tag}`, content: { kind: 'miniProgram', appId, title: 'Choose your tea', path: '' },
});

const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
const opens = [];
try {
  for (let i = 0; i <= runs; i++) {
    const context = await browser.newContext({ baseURL: base.href });
    const page = await context.newPage();
    await page.goto('signin');
    await page.fill('#handle', `reader${tag}`);
    await page.fill('#password', password);
    await page.click('form button[type=submit]');
    await page.waitForURL((url) => !url.pathname.endsWith('/signin'));
    await page.locator('.list-col .row', { hasText: 'Writer' }).click();
    const card = page.locator('.messages').getByRole('link', { name: /Choose your tea/ });
    await card.waitFor();
    const started = performance.now();
    await card.click();
    await page.frameLocator('iframe.hst-frame').getByRole('button', { name: /Green tea/ }).waitFor({ timeout: 30000 });
    if (i > 0) opens.push(performance.now() - started);
    await context.close();
  }
} finally {
  await browser.close();
}

const result = {
  scenario: 'story',
  date: new Date().toISOString(),
  commit: args.commit ?? 'unknown',
  chromium: browser.version?.() ?? 'unknown',
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
  loadavgBefore,
  loadavgAfter: os.loadavg(),
  storyJsonBytes: Buffer.byteLength(compiled),
  coldOpenMs: { runs: opens.map(round1), median: round1(median(opens)), target: 800 },
};
console.log(`story cold open (card click → first choice shown): median ${result.coldOpenMs.median} ms of ${opens.map(round1).join(', ')}`);
if (args.out) {
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(result, null, 2));
  console.log(`written to ${args.out}`);
}

async function signUp(handle, displayName) {
  await api(null, 'POST', 'api/v1/accounts', { handle, password, displayName });
  return { token: (await api(null, 'POST', 'api/v1/sessions', { handle, password, deviceName: 'bench' })).token };
}

async function api(token, method, path, body) {
  const response = await fetch(new URL(path, base), {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) fail(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
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
