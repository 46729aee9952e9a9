// The story studio (StoryStudioPage): the Ink editor (a textarea over a highlighted copy of its text, so the browser's
// own editing and input methods, Chinese ones included, work as in any text field), its line numbers, the compiler's
// errors and warnings at their lines, the knot map, the insert buttons, and the live preview on the story player.
// Only the studio imports this module; it starts the compiler worker (story-compiler.js, with inkjs) when it opens.
// The text goes back to .NET (SourceChanged) for the autosave; the session's token stays in .NET.

const COMPILE_DELAY_MS = 300;
const SAVE_DELAY_MS = 1000;

let studio = null;

/**
 * Mounts the editor. elements: { code (the box that holds the textarea and its highlight), problems, map, preview };
 * options: { source, images (name -> data URL for the preview), texts, runtimeUrl, language }.
 */
export function mount(elements, optionsJson, owner) {
  dispose();
  const options = JSON.parse(optionsJson);
  const texts = options.texts || {};
  const textarea = document.createElement('textarea');
  textarea.className = 'studio-text';
  textarea.spellcheck = false;
  textarea.setAttribute('autocapitalize', 'off');
  textarea.setAttribute('aria-label', texts.editorLabel || 'Story text');
  textarea.setAttribute('aria-describedby', elements.problems.id || '');
  textarea.id = 'story-source';
  textarea.value = options.source || '';
  const highlight = document.createElement('pre');
  highlight.className = 'studio-highlight';
  highlight.setAttribute('aria-hidden', 'true');
  elements.code.textContent = '';
  elements.code.append(highlight, textarea);

  const worker = new Worker(new URL('./story-compiler.js', import.meta.url), { type: 'module' });
  const s = studio = {
    elements, options, texts, textarea, highlight, worker, owner, images: options.images || {},
    compileTimer: 0, saveTimer: 0, compileId: 0, problems: [], json: null, lastCompiledSource: null, preview: null,
    made: [], compileMs: null, knots: [], disposed: false,
  };

  worker.addEventListener('message', (event) => onCompiled(s, event.data));
  textarea.addEventListener('input', () => changed(s));
  textarea.addEventListener('keydown', (event) => {
    // Tab indents (choices and their text nest by indentation); Escape then Tab leaves the editor as usual.
    if (event.key === 'Tab' && !event.shiftKey && !s.escaped) {
      event.preventDefault();
      document.execCommand('insertText', false, '    ');
    }
    s.escaped = event.key === 'Escape';
  });
  paint(s);
  compileNow(s);
  mountPreview(s);
}

/** Replaces the whole text (after loading the draft again on a conflict). */
export function setSource(text) {
  if (!studio) return;
  studio.textarea.value = text;
  paint(studio);
  compileNow(studio);
}

export function setImages(imagesJson) {
  if (!studio) return;
  studio.images = JSON.parse(imagesJson) || {};
  if (studio.preview && studio.json) studio.preview.load(studio.json, studio.images, studio.made);
}

/** Inserts a choice, a knot, or an image tag (arg: its name) at the caret, as a person new to Ink would write them. */
export function insert(kind, arg) {
  const s = studio;
  if (!s) return;
  const t = s.textarea;
  t.focus();
  const value = t.value;
  const at = t.selectionStart;
  const lineStart = value.lastIndexOf('\n', at - 1) + 1;
  const lineEndIndex = value.indexOf('\n', at);
  const lineEnd = lineEndIndex < 0 ? value.length : lineEndIndex;
  if (kind === 'image') {
    t.setSelectionRange(lineEnd, lineEnd);
    document.execCommand('insertText', false, (value.slice(lineStart, lineEnd).trim() ? ' ' : '') + '# image: ' + arg);
    return;
  }
  if (kind === 'choice') {
    const target = s.knots.find((k) => !k.start && !k.function)?.name || 'END';
    const text = '* [' + (s.texts.newChoice || 'Choice') + '] -> ' + target;
    t.setSelectionRange(lineEnd, lineEnd);
    document.execCommand('insertText', false, (lineEnd > lineStart ? '\n' : '') + text);
    // Select the choice's words, ready to be typed over.
    const start = t.selectionStart - text.length + 3;
    t.setSelectionRange(start, start + (s.texts.newChoice || 'Choice').length);
    return;
  }
  if (kind === 'knot') {
    let n = 1;
    const taken = new Set(s.knots.map((k) => k.name));
    while (taken.has('scene_' + n)) n++;
    const name = 'scene_' + n;
    const text = '\n=== ' + name + ' ===\n' + (s.texts.newKnotText || 'What happens here.') + '\n-> END\n';
    t.setSelectionRange(value.length, value.length);
    document.execCommand('insertText', false, (value.endsWith('\n') ? '' : '\n') + text);
    const start = t.value.indexOf('=== ' + name) + 4;
    t.setSelectionRange(start, start + name.length);
    scrollToCaret(s);
  }
}

/** Puts the caret at the start of a line (1-based) and shows it. */
export function goToLine(line) {
  const s = studio;
  if (!s) return;
  const lines = s.textarea.value.split('\n');
  const index = Math.max(0, Math.min(line, lines.length) - 1);
  const offset = lines.slice(0, index).reduce((n, l) => n + l.length + 1, 0);
  s.textarea.focus({ preventScroll: true });
  s.textarea.setSelectionRange(offset, offset + lines[index].length);
  scrollToCaret(s, index);
}

/** What publishing sends: the compiled story, or null while it has errors or the last change is still compiling. */
export function compiled() {
  const s = studio;
  return !s || s.json === null || s.lastCompiledSource !== s.textarea.value ? null : s.json;
}

/** Sends the text to .NET now (before publishing or leaving), instead of after the autosave's pause. */
export async function flush() {
  const s = studio;
  if (!s || !s.saveTimer) return;
  clearTimeout(s.saveTimer);
  s.saveTimer = 0;
  await s.owner.invokeMethodAsync('SourceChanged', s.textarea.value);
}

/** How long the last compile took, in ms (the benchmark reads it). */
export function stats() {
  return studio ? { compileMs: studio.compileMs, problems: studio.problems.length } : null;
}

export function dispose() {
  if (!studio) return;
  studio.disposed = true;
  clearTimeout(studio.compileTimer);
  clearTimeout(studio.saveTimer);
  studio.worker.terminate();
  if (studio.preview) studio.preview.unmount();
  studio = null;
}

// ---- editing -------------------------------------------------------------------------------------------------------
function changed(s) {
  paint(s);
  clearTimeout(s.compileTimer);
  s.compileTimer = setTimeout(() => compileNow(s), COMPILE_DELAY_MS);
  clearTimeout(s.saveTimer);
  s.saveTimer = setTimeout(() => {
    s.saveTimer = 0;
    if (!s.disposed) s.owner.invokeMethodAsync('SourceChanged', s.textarea.value).catch(() => {});
  }, SAVE_DELAY_MS);
}

function compileNow(s) {
  clearTimeout(s.compileTimer);
  s.compileId++;
  s.worker.postMessage({ id: s.compileId, source: s.textarea.value });
}

function onCompiled(s, answer) {
  if (s.disposed || answer.id !== s.compileId) return;
  const source = s.textarea.value;
  s.compileMs = answer.ms;
  s.knots = knotsOf(source);
  s.problems = [...answer.problems, ...unreachable(s.knots, s.texts)].sort((a, b) => a.line - b.line);
  s.lastCompiledSource = source;
  s.json = answer.json;
  paint(s);
  showProblems(s);
  drawMap(s);
  if (s.json && s.preview) s.preview.load(s.json, s.images, s.made);
  s.owner.invokeMethodAsync('Compiled', s.problems.filter((p) => p.severity === 'error').length, s.problems.filter((p) => p.severity === 'warning').length).catch(() => {});
}

function scrollToCaret(s, lineIndex) {
  const index = lineIndex ?? s.textarea.value.slice(0, s.textarea.selectionStart).split('\n').length - 1;
  const line = s.highlight.children[index];
  if (line) line.scrollIntoView({ block: 'center' });
}

// ---- highlighting ------------------------------------------------------------------------------------------------
const escape = (text) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

/** Redraws the highlighted copy: one block per line (numbered by CSS), wrapping exactly as the textarea does. */
function paint(s) {
  const byLine = new Map();
  for (const p of s.problems) {
    if (p.line > 0 && (byLine.get(p.line) !== 'error')) byLine.set(p.line, p.severity);
  }
  let inComment = false;
  const html = s.textarea.value.split('\n').map((line, i) => {
    const [body, stillComment] = highlightLine(line, inComment);
    inComment = stillComment;
    const severity = byLine.get(i + 1);
    return '<span class="ln' + (severity ? ' ln-' + severity : '') + '">' + (body || ' ') + '</span>';
  }).join('');
  s.highlight.innerHTML = html;
}

function highlightLine(line, inComment) {
  if (inComment) {
    const end = line.indexOf('*/');
    if (end < 0) return [span('cm', line), true];
    const [rest, still] = highlightLine(line.slice(end + 2), false);
    return [span('cm', line.slice(0, end + 2)) + rest, still];
  }
  const lead = /^(\s*)/.exec(line)[1];
  let rest = line.slice(lead.length);
  let out = escape(lead);
  let m;
  if ((m = /^(={2,}\s*(?:function\s+)?[\w]+\s*(?:\([^)]*\))?\s*=*)/.exec(rest))) return [out + span('knot', m[1]) + inline(rest.slice(m[1].length)), false];
  if ((m = /^(=\s*\w+)/.exec(rest))) return [out + span('stitch', m[1]) + inline(rest.slice(m[1].length)), false];
  if ((m = /^((?:VAR|CONST|LIST|INCLUDE|EXTERNAL)\b)/.exec(rest))) return [out + span('kw', m[1]) + inline(rest.slice(m[1].length)), false];
  if ((m = /^(~)/.exec(rest))) return [out + span('logic', rest), false];
  if ((m = /^((?:[*+]\s*)+)/.exec(rest))) { out += span('choice', m[1]); rest = rest.slice(m[1].length); }
  else if ((m = /^((?:-(?!>)\s*)+)/.exec(rest))) { out += span('gather', m[1]); rest = rest.slice(m[1].length); }
  return inlineWithComment(out, rest);
}

function inlineWithComment(out, rest) {
  const line = rest.indexOf('//');
  const block = rest.indexOf('/*');
  if (line >= 0 && (block < 0 || line < block)) return [out + inline(rest.slice(0, line)) + span('cm', rest.slice(line)), false];
  if (block >= 0) {
    const end = rest.indexOf('*/', block + 2);
    if (end < 0) return [out + inline(rest.slice(0, block)) + span('cm', rest.slice(block)), true];
    const [tail, still] = inlineWithComment('', rest.slice(end + 2));
    return [out + inline(rest.slice(0, block)) + span('cm', rest.slice(block, end + 2)) + tail, still];
  }
  return [out + inline(rest), false];
}

/** Diverts, tags, conditions and choice brackets inside a line. */
function inline(text) {
  let out = '';
  const pattern = /(->->|->\s*[\w.]*|<-\s*[\w.]*)|(#[^\n]*)|(\{[^{}]*\})|(\[[^\]]*\])/g;
  let last = 0;
  let m;
  while ((m = pattern.exec(text))) {
    out += escape(text.slice(last, m.index));
    out += m[1] ? span('divert', m[1]) : m[2] ? span('tag', m[2]) : m[3] ? span('cond', m[3]) : span('bracket', m[4]);
    last = pattern.lastIndex;
  }
  return out + escape(text.slice(last));
}

const span = (cls, text) => '<span class="t-' + cls + '">' + escape(text) + '</span>';

// ---- knots, links and what cannot be reached ------------------------------------------------------------------------
/** The knots (=== name ===) with their line and the knots their diverts lead to; "(start)" is the text before the first. */
function knotsOf(source) {
  const knots = [{ name: '(start)', line: 1, links: new Set(), function: false, start: true }];
  let current = knots[0];
  let inComment = false;
  source.split('\n').forEach((raw, i) => {
    let line = raw;
    if (inComment) {
      const end = line.indexOf('*/');
      if (end < 0) return;
      line = line.slice(end + 2);
      inComment = false;
    }
    line = line.replace(/\/\*.*?\*\//g, '');
    const open = line.indexOf('/*');
    if (open >= 0) { line = line.slice(0, open); inComment = true; }
    line = line.replace(/\/\/.*$/, '');
    const knot = /^\s*={2,}\s*(function\s+)?(\w+)/.exec(line);
    if (knot) {
      current = { name: knot[2], line: i + 1, links: new Set(), function: !!knot[1], start: false };
      knots.push(current);
      return;
    }
    for (const m of line.matchAll(/(?:->|<-)\s*([\w]+)(?:\.[\w]+)?/g)) {
      if (!['END', 'DONE'].includes(m[1])) current.links.add(m[1]);
    }
  });
  return knots;
}

function unreachable(knots, texts) {
  const names = new Set(knots.map((k) => k.name));
  const reached = new Set(['(start)']);
  const queue = ['(start)'];
  const byName = new Map(knots.map((k) => [k.name, k]));
  while (queue.length) {
    for (const link of byName.get(queue.shift())?.links || []) {
      if (names.has(link) && !reached.has(link)) { reached.add(link); queue.push(link); }
    }
  }
  return knots.filter((k) => !k.start && !k.function && !reached.has(k.name))
    .map((k) => ({ line: k.line, severity: 'warning', message: (texts.unreachable || 'Nothing leads to this knot: readers never reach “{0}”.').replace('{0}', k.name) }));
}

// ---- problems and the map --------------------------------------------------------------------------------------------
function showProblems(s) {
  const list = s.elements.problems;
  list.textContent = '';
  if (s.problems.length === 0) {
    const ok = document.createElement('li');
    ok.className = 'studio-ok';
    ok.textContent = s.texts.noProblems || 'No errors.';
    list.append(ok);
    return;
  }
  for (const p of s.problems) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'studio-problem studio-' + p.severity;
    const where = p.line > 0 ? (s.texts.line || 'Line {0}').replace('{0}', p.line) + ': ' : '';
    const kind = p.severity === 'error' ? s.texts.error || 'Error' : p.severity === 'warning' ? s.texts.warning || 'Warning' : s.texts.note || 'Note';
    button.textContent = kind + ' · ' + where + p.message;
    if (p.line > 0) button.addEventListener('click', () => goToLine(p.line));
    item.append(button);
    list.append(item);
  }
}

/** The knot map: knots in columns by how many diverts they are from the start, arrows for their diverts. */
function drawMap(s) {
  const box = s.elements.map;
  const knots = s.knots.filter((k) => !k.function);
  const byName = new Map(knots.map((k) => [k.name, k]));
  const depth = new Map([['(start)', 0]]);
  const queue = ['(start)'];
  while (queue.length) {
    const name = queue.shift();
    for (const link of byName.get(name)?.links || []) {
      if (byName.has(link) && !depth.has(link)) { depth.set(link, depth.get(name) + 1); queue.push(link); }
    }
  }
  const maxDepth = Math.max(0, ...depth.values());
  for (const k of knots) if (!depth.has(k.name)) depth.set(k.name, maxDepth + 1);
  const columns = new Map();
  for (const k of knots) {
    const d = depth.get(k.name);
    if (!columns.has(d)) columns.set(d, []);
    columns.get(d).push(k);
  }
  const W = 120, H = 32, GX = 48, GY = 16;
  const position = new Map();
  let rows = 0;
  for (const [d, list] of columns) {
    list.forEach((k, i) => position.set(k.name, { x: 8 + d * (W + GX), y: 8 + i * (H + GY) }));
    rows = Math.max(rows, list.length);
  }
  const width = 16 + (Math.max(...columns.keys()) + 1) * (W + GX);
  const height = 16 + rows * (H + GY);
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', s.texts.map || 'Knot map');
  const defs = document.createElementNS(ns, 'defs');
  defs.innerHTML = '<marker id="studio-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker>';
  svg.append(defs);
  for (const k of knots) {
    const from = position.get(k.name);
    for (const link of k.links) {
      const to = position.get(link);
      if (!to) continue;
      const path = document.createElementNS(ns, 'path');
      const x1 = from.x + W, y1 = from.y + H / 2, x2 = to.x, y2 = to.y + H / 2;
      path.setAttribute('d', to.x > from.x
        ? `M${x1},${y1} C${x1 + GX / 2},${y1} ${x2 - GX / 2},${y2} ${x2},${y2}`
        : `M${from.x + W / 2},${from.y + H} C${from.x + W / 2},${from.y + H + 40} ${to.x + W / 2},${to.y + H + 40} ${to.x + W / 2},${to.y + H}`);
      path.setAttribute('class', 'studio-link');
      path.setAttribute('marker-end', 'url(#studio-arrow)');
      svg.append(path);
    }
  }
  const unreachableNames = new Set(s.problems.filter((p) => p.severity === 'warning' && knots.some((k) => k.line === p.line && !k.start)).map((p) => knots.find((k) => k.line === p.line).name));
  for (const k of knots) {
    const { x, y } = position.get(k.name);
    const g = document.createElementNS(ns, 'g');
    g.setAttribute('class', 'studio-node' + (k.start ? ' studio-node-start' : '') + (unreachableNames.has(k.name) ? ' studio-node-lost' : ''));
    g.setAttribute('role', 'button');
    g.setAttribute('tabindex', '0');
    const label = k.start ? s.texts.start || 'Start' : k.name;
    g.setAttribute('aria-label', label + ' → ' + ([...k.links].join(', ') || '—'));
    const rect = document.createElementNS(ns, 'rect');
    Object.entries({ x, y, width: W, height: H, rx: 6 }).forEach(([a, v]) => rect.setAttribute(a, String(v)));
    const text = document.createElementNS(ns, 'text');
    Object.entries({ x: x + W / 2, y: y + H / 2 + 5, 'text-anchor': 'middle' }).forEach(([a, v]) => text.setAttribute(a, String(v)));
    text.textContent = label.length > 16 ? label.slice(0, 15) + '…' : label;
    g.append(rect, text);
    const go = () => goToLine(k.line);
    g.addEventListener('click', go);
    g.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); go(); } });
    svg.append(g);
  }
  box.textContent = '';
  box.append(svg);
}

// ---- the preview -------------------------------------------------------------------------------------------------------
async function mountPreview(s) {
  try {
    const { mount } = await import(new URL(s.options.runtimeUrl, document.baseURI).href);
    if (s.disposed) return;
    s.preview = mount(s.elements.preview, {
      name: s.texts.preview || 'Preview', preview: true, story: s.json || '{"inkVersion":21,"root":[["done",null],"done",null],"listDefs":{}}',
      images: s.images, config: { language: s.options.language }, texts: s.options.playerTexts || {},
      runtimeBaseUrl: new URL('/mp/runtime/', document.baseURI).href,
    }, {
      onProgress: (made) => { s.made = made; },
    });
    if (s.json) s.preview.load(s.json, s.images, s.made);
  } catch (e) {
    console.error('story preview:', e);
  }
}
