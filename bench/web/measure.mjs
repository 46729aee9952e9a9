// Measures the web client's first load in headless Chromium: bytes over the network and time to the sign-in screen,
// for N cold loads, each in a fresh browser context (empty cache). Run through measure.sh, which publishes and starts
// a node; see bench/README.md.
//
//   node measure.mjs --url http://127.0.0.1:PORT/ [--runs 5] [--warmup 1] [--out FILE.json] [--chromium /usr/bin/chromium]

import { chromium } from 'playwright-core';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import net from 'node:net';
import os from 'node:os';

const args = parseArgs(process.argv.slice(2));
const url = args.url ?? fail('--url is required');
const runs = Number(args.runs ?? 5);
const warmupRuns = Number(args.warmup ?? 1);
const chromiumPath = args.chromium ?? '/usr/bin/chromium';
const renderTimeoutMs = Number(args['render-timeout'] ?? 30000);
const idleMs = 500; // the network counts as idle after this long with no request in flight

// The sign-in screen, once Blazor has rendered it.
const signInSelector = '.auth-card #handle';

// Installed before any of the page's scripts run: notes (against performance.timeOrigin, i.e. navigation start) the
// moment the sign-in form's handle field is in the document, and the start of the next frame after it.
const initScript = `(() => {
  const selector = ${JSON.stringify(signInSelector)};
  const seen = () => {
    if (window.__hutongRender !== undefined || !document.querySelector(selector)) return;
    window.__hutongRender = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => { window.__hutongRenderFrame = performance.now(); });
  };
  const observer = new MutationObserver(seen);
  observer.observe(document, { childList: true, subtree: true });
})();`;

const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

const loadavgBefore = os.loadavg();
const browser = await chromium.launch({ executablePath: chromiumPath, args: launchArgs });
const browserVersion = browser.version();
const loads = [];
const warmups = [];
try {
  // Unmeasured first: a node that has just started compiles its static file and routing paths on the first requests,
  // and a browser that has just started spawns its helper processes; a visitor meets neither.
  for (let i = 0; i < warmupRuns; i++) {
    warmups.push(await measureLoad(0));
  }
  for (let i = 0; i < runs; i++) {
    loads.push(await measureLoad(i + 1));
  }
} finally {
  await browser.close();
}

// What the same resources cost in each encoding the node offers: every URL the first load fetched, requested again
// over a plain socket with one Accept-Encoding, counting every byte of the response (headers and body).
const urls = loads[0].requests.filter(r => r.method === 'GET' && r.status === 200 && sameOrigin(r.url)).map(r => r.url);
const encodings = {};
for (const encoding of ['br', 'gzip', 'identity']) {
  encodings[encoding] = await replay([...new Set(urls)], encoding);
}

const result = {
  date: new Date().toISOString(),
  url,
  commit: args.commit ?? null,
  chromium: browserVersion,
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavgBefore, loadavgAfter: os.loadavg(), platform: `${os.type()} ${os.release()}` },
  runs,
  warmups: warmups.map(w => ({ bytes: w.bytes, domContentLoaded: w.domContentLoaded, render: w.render })),
  summary: summarize(loads),
  encodings: Object.fromEntries(Object.entries(encodings).map(([k, v]) => [k, { bytes: v.bytes, responses: v.responses, mislabelled: v.mislabelled }])),
  loads,
};

console.log(renderMarkdown(result));
if (args.out) {
  mkdirSync(dirname(args.out), { recursive: true });
  writeFileSync(args.out, JSON.stringify(result, null, 2));
  console.log(`\nwritten to ${args.out}`);
}

async function measureLoad(n) {
  const context = await browser.newContext();
  await context.addInitScript(initScript);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  const get = id => requests.get(id) ?? requests.set(id, { id }).get(id);
  let inFlight = 0;
  let lastActivity = Date.now();
  const touch = () => { lastActivity = Date.now(); };

  cdp.on('Network.requestWillBeSent', e => {
    const r = get(e.requestId);
    // A redirect goes on under the same id: one request in flight, its bytes counted once it finishes.
    if (e.redirectResponse) r.redirected = true;
    else inFlight++;
    Object.assign(r, { url: e.request.url, method: e.request.method, type: e.type, started: e.timestamp });
    touch();
  });
  cdp.on('Network.requestWillBeSentExtraInfo', e => {
    // The headers as sent on the wire, Accept-Encoding among them.
    get(e.requestId).acceptEncoding = header(e.headers, 'accept-encoding');
  });
  cdp.on('Network.responseReceived', e => {
    const r = get(e.requestId);
    r.status = e.response.status;
    r.protocol = e.response.protocol;
    r.contentEncoding = header(e.response.headers, 'content-encoding') ?? null;
    r.headerBytes = e.response.encodedDataLength;
    r.fromCache = e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache || false;
    touch();
  });
  cdp.on('Network.loadingFinished', e => {
    const r = get(e.requestId);
    r.encodedDataLength = e.encodedDataLength;
    r.finished = true;
    inFlight--; touch();
  });
  cdp.on('Network.loadingFailed', e => {
    const r = get(e.requestId);
    Object.assign(r, { failed: e.errorText, canceled: e.canceled, encodedDataLength: r.encodedDataLength ?? 0 });
    inFlight--; touch();
  });
  await cdp.send('Network.enable');

  const started = Date.now();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const rendered = await page.waitForSelector(signInSelector, { state: 'attached', timeout: renderTimeoutMs })
    .then(() => true, () => false);
  if (!rendered) {
    await context.close();
    fail(`load ${n}: the sign-in screen (${signInSelector}) did not render within ${renderTimeoutMs} ms`);
  }
  // Network idle: nothing in flight for idleMs (at most 30 s more).
  while (!(inFlight <= 0 && Date.now() - lastActivity >= idleMs) && Date.now() - started < renderTimeoutMs + 30000) {
    await new Promise(res => setTimeout(res, 50));
  }
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      domContentLoaded: nav.domContentLoadedEventStart,
      loadEvent: nav.loadEventStart,
      render: window.__hutongRender,
      renderFrame: window.__hutongRenderFrame ?? null,
    };
  });
  await context.close();

  const list = [...requests.values()].filter(r => r.url && !r.url.startsWith('data:'));
  const unfinished = list.filter(r => !r.finished && !r.failed).length;
  const bytes = list.reduce((s, r) => s + (r.encodedDataLength ?? 0), 0);
  const headerBytes = list.reduce((s, r) => s + (r.headerBytes ?? 0), 0);
  const encodingsSeen = countBy(list.filter(r => r.status === 200), r => r.contentEncoding ?? 'none');
  const acceptEncoding = [...new Set(list.map(r => r.acceptEncoding).filter(Boolean))];
  return {
    load: n,
    requests: list.map(r => ({
      url: r.url, method: r.method, type: r.type, status: r.status, protocol: r.protocol, acceptEncoding: r.acceptEncoding,
      contentEncoding: r.contentEncoding, encodedDataLength: r.encodedDataLength ?? 0, headerBytes: r.headerBytes ?? 0,
      fromCache: r.fromCache ?? false, failed: r.failed,
    })),
    requestCount: list.length,
    unfinished,
    failed: list.filter(r => r.failed).length,
    fromCache: list.filter(r => r.fromCache).length,
    bytes,
    bodyBytes: bytes - headerBytes,
    acceptEncoding,
    encodingsSeen,
    ...timing,
  };
}

function summarize(loads) {
  const pick = f => { const v = loads.map(f).filter(x => typeof x === 'number'); return { median: median(v), max: Math.max(...v), min: Math.min(...v) }; };
  return {
    bytes: pick(l => l.bytes),
    requests: pick(l => l.requestCount),
    domContentLoaded: pick(l => l.domContentLoaded),
    render: pick(l => l.render),
    renderFrame: pick(l => l.renderFrame),
    loadEvent: pick(l => l.loadEvent),
  };
}

async function replay(list, encoding) {
  let bytes = 0;
  let mislabelled = 0;
  const responses = [];
  for (const u of list) {
    const r = await rawGet(u, encoding);
    // The encoding must be what was asked for, or none at all where the node sends a file as it is.
    if (encoding !== 'identity' && r.contentEncoding && r.contentEncoding !== encoding) mislabelled++;
    if (encoding === 'identity' && r.contentEncoding) mislabelled++;
    bytes += r.bytes;
    responses.push({ url: u, status: r.status, contentEncoding: r.contentEncoding, bytes: r.bytes });
  }
  return { bytes, responses, mislabelled };
}

// One HTTP/1.1 GET over a fresh socket; counts every byte the server sends back.
function rawGet(u, encoding) {
  const target = new URL(u);
  return new Promise((resolve, reject) => {
    const chunks = [];
    const socket = net.connect(Number(target.port || 80), target.hostname, () => {
      socket.write(`GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n` +
        `Accept-Encoding: ${encoding}\r\nConnection: close\r\n\r\n`);
    });
    socket.on('data', c => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const head = all.subarray(0, all.indexOf('\r\n\r\n')).toString('latin1').split('\r\n');
      const status = Number(head[0].split(' ')[1]);
      const ce = head.find(h => h.toLowerCase().startsWith('content-encoding:'));
      resolve({ bytes: all.length, status, contentEncoding: ce ? ce.split(':')[1].trim() : null });
    });
  });
}

function renderMarkdown(r) {
  const kib = b => (b / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 });
  const mib = b => (b / 1048576).toFixed(2);
  const ms = v => (typeof v === 'number' ? Math.round(v).toLocaleString('en-US') : '-');
  const lines = [];
  lines.push(`Chromium ${r.chromium}, ${r.url}, ${r.runs} cold loads, each in a fresh browser context; ` +
    `load average (1/5/15 min) ${r.machine.loadavgBefore.map(x => x.toFixed(2)).join(' ')} before, ` +
    `${r.machine.loadavgAfter.map(x => x.toFixed(2)).join(' ')} after` +
    (r.warmups.length ? `; before them, unmeasured: ${r.warmups.map(w => `a load rendered in ${ms(w.render)} ms`).join(', ')}` : ''));
  lines.push('');
  lines.push('| load | requests | transferred KiB | DOMContentLoaded ms | sign-in rendered ms | next frame ms | load event ms |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const l of r.loads) {
    lines.push(`| ${l.load} | ${l.requestCount} | ${kib(l.bytes)} | ${ms(l.domContentLoaded)} | ${ms(l.render)} | ${ms(l.renderFrame)} | ${ms(l.loadEvent)} |`);
  }
  const s = r.summary;
  lines.push(`| **median** | ${s.requests.median} | ${kib(s.bytes.median)} | ${ms(s.domContentLoaded.median)} | ${ms(s.render.median)} | ${ms(s.renderFrame.median)} | ${ms(s.loadEvent.median)} |`);
  lines.push(`| **max** | ${s.requests.max} | ${kib(s.bytes.max)} | ${ms(s.domContentLoaded.max)} | ${ms(s.render.max)} | ${ms(s.renderFrame.max)} | ${ms(s.loadEvent.max)} |`);
  lines.push('');
  const l0 = r.loads[0];
  lines.push(`Chromium sent Accept-Encoding: ${l0.acceptEncoding.join(' / ') || '(not seen)'}; responses by Content-Encoding: ` +
    Object.entries(l0.encodingsSeen).map(([k, v]) => `${k} ${v}`).join(', ') +
    `; failed requests ${r.loads.reduce((a, l) => a + l.failed, 0)}; repeat requests answered from the page's own cache ` +
    `(no bytes) ${r.loads.reduce((a, l) => a + l.fromCache, 0)}.`);
  const unfinished = r.loads.reduce((a, l) => a + l.unfinished, 0);
  if (unfinished) lines.push(`\n${unfinished} requests had not finished when the loads were closed: their bytes are not counted.`);
  lines.push('');
  lines.push('The same resources fetched again, one Accept-Encoding at a time (headers and bodies):');
  lines.push('');
  lines.push('| Accept-Encoding | responses | bytes | MiB |');
  lines.push('|---|---|---|---|');
  for (const [k, v] of Object.entries(r.encodings)) {
    lines.push(`| ${k} | ${v.responses.length} | ${v.bytes.toLocaleString('en-US')} | ${mib(v.bytes)} |` +
      (v.mislabelled ? ` (${v.mislabelled} answered in another encoding)` : ''));
  }
  lines.push('');
  const biggest = [...l0.requests].sort((a, b) => b.encodedDataLength - a.encodedDataLength).slice(0, 8);
  lines.push('Largest transfers of load 1: ' + biggest.map(q => `${new URL(q.url).pathname.replace(/^.*\//, '') || '/'} ${kib(q.encodedDataLength)} KiB`).join(', '));
  lines.push('');
  const transferMiB = s.bytes.max / 1048576;
  lines.push(`Targets: transfer <= 2.5 MiB: ${mib(s.bytes.max)} MiB (max) ${transferMiB <= 2.5 ? 'met' : 'NOT met'}; ` +
    `first render <= 1.5 s: median ${ms(s.render.median)} ms, max ${ms(s.render.max)} ms ${s.render.max <= 1500 ? 'met' : (s.render.median <= 1500 ? 'met at the median, not at the max' : 'NOT met')}.`);
  return lines.join('\n');
}

function sameOrigin(u) { return new URL(u).origin === new URL(url).origin; }
function header(headers, name) {
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() === name) return v;
  return undefined;
}
function countBy(list, f) { const o = {}; for (const x of list) { const k = f(x); o[k] = (o[k] ?? 0) + 1; } return o; }
function median(v) { const s = [...v].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; }
function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) fail(`unexpected argument ${argv[i]}`);
    const k = argv[i].slice(2);
    o[k] = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
  }
  return o;
}
function fail(message) { console.error(message); process.exit(1); }
