// The story host: an ES module the web client imports when a person opens a story (a mini-game of kind "story") or
// the studio previews one. It fetches the compiled story (story.json under the code address), makes the player's
// sandboxed frame (story.html) and hands it the story and the person's save; it keeps the save (per-app storage),
// the endings found (in per-app storage, and counted in hosted data under the key "endings", which friends' boards
// read), shares an ending as the
// story's card, and shows the friends' board of endings found. Messages count only from the exact frame window made
// for them, with an opaque origin, a known type and well-formed fields.
//
// The board is drawn here, by the platform, from data the host asked the node for: the story's own content runs in
// the player's frame, which never receives anyone's data but the person's own save and endings, and has no network,
// as a game's code never sees its open data context's.

const runtimeVersion = new URL(import.meta.url).searchParams.get('v');
const { el } = await import(new URL('native-ui.js' + (runtimeVersion ? '?v=' + runtimeVersion : ''), import.meta.url).href);
const SAVE_KEY = 'story';
const ENDINGS_KEY = 'endings';
const MAX_SAVE_CHARS = 512 * 1024;
// WeChat's limit for a hosted key and its value together, in UTF-8 bytes.
const MAX_KV_BYTES = 1024;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v, max) => typeof v === 'string' && v.length > 0 && v.length <= max;

const englishTexts = {
  restart: 'Start again',
  board: 'Endings found',
  boardEmpty: 'None of your friends has played this story yet.',
  close: 'Close',
  ending: 'Ending',
  found: 'Endings found',
  shareEnding: 'Share this ending',
  theEnd: 'The end.',
  missingImage: 'No image named',
  tooLong: 'The story did not stop: it printed too many lines at once.',
  loadFailed: 'The story could not be loaded.',
  sharedEnding: 'Someone who shared this story reached the ending “{0}”. Can you?',
};

/**
 * Opens a story in container.
 * @param {HTMLElement} container
 * @param {object} launch { appId, name, config ({ title, language, cover, endings }), storyJsonUrl, assetsBaseUrl,
 *   runtimeBaseUrl, storage (key -> value snapshot), query, texts, preview, story (compiled JSON, instead of
 *   storyJsonUrl), images (name -> URL, instead of assetsBaseUrl) }
 * @param {object} services the embedder's callbacks (all optional): setStorage(key, data), removeStorage(key), share(card),
 *   close(), cloudStorage { get(keys), set(list), friends(keys) } (as game-host.js takes them), onProgress(made) for
 *   the studio
 * @returns {{ unmount(): void, restart(): void, load(story, images, replay): void, showBoard(): Promise<void>, stats: object }}
 */
export function mount(container, launch, services = {}) {
  const config = (typeof launch.config === 'string' ? JSON.parse(launch.config || '{}') : launch.config) || {};
  const runtimeBase = new URL(launch.runtimeBaseUrl || new URL('./', import.meta.url).href, location.href).href;
  const frameUrl = (file) => runtimeBase + file + (runtimeVersion ? '?v=' + encodeURIComponent(runtimeVersion) : '');
  const texts = { ...englishTexts, ...(launch.texts || {}) };
  const cloud = services.cloudStorage || {};
  const preview = !!launch.preview;
  const stats = { dropped: 0, reasons: [], endings: 0, saves: 0 };
  const endings = Array.isArray(config.endings) ? config.endings.filter((e) => typeof e === 'string') : [];
  const storage = launch.storage || {};
  let found = foundFrom(storage[ENDINGS_KEY]);

  // ---- DOM -------------------------------------------------------------------------------------------------------
  const root = el('div', { class: 'hst' });
  const style = el('link', { rel: 'stylesheet', href: frameUrl('story-host.css') });
  const bar = el('div', { class: 'hst-bar', role: 'toolbar', 'aria-label': launch.name || config.title || 'Story' });
  const restartButton = el('button', { type: 'button', class: 'hst-restart' }, texts.restart);
  const boardButton = el('button', { type: 'button', class: 'hst-board-button', 'aria-expanded': 'false' }, texts.board);
  bar.append(restartButton);
  if (!preview && cloud.friends) bar.append(boardButton);
  const board = el('section', { class: 'hst-board', 'aria-label': texts.board, hidden: '' });
  const frame = el('iframe', { sandbox: 'allow-scripts', class: 'hst-frame', title: launch.name || config.title || 'Story', src: frameUrl('story.html') });
  root.append(style, bar, board, frame);
  container.appendChild(root);

  let frameWindow = null;
  let loads = 0;
  let storyText = launch.story !== undefined ? (typeof launch.story === 'string' ? launch.story : JSON.stringify(launch.story)) : null;
  const storyReady = storyText !== null
    ? Promise.resolve()
    : fetch(launch.storyJsonUrl, { credentials: 'same-origin' }).then((r) => {
      if (!r.ok) throw new Error('story.json: HTTP ' + r.status);
      return r.text();
    }).then((text) => { storyText = text; });
  storyReady.catch((error) => { console.error('story host:', error); showLoadFailed(); });

  frame.addEventListener('load', () => {
    loads++;
    // A second load means the frame navigated itself: it is no longer the player, so it gets nothing.
    if (loads > 1) { frameWindow = null; drop('player frame reloaded'); return; }
    frameWindow = frame.contentWindow;
    storyReady.then(() => {
      if (!frameWindow) return;
      const save = isObject(storage[SAVE_KEY]) ? storage[SAVE_KEY] : null;
      frameWindow.postMessage({
        type: 'init', story: storyText, save, replay: launch.replay || null, preview, found, endings,
        sharedEnding: launch.query && typeof launch.query.ending === 'string' ? launch.query.ending.slice(0, 200) : null,
        language: config.language || undefined, texts,
        images: isObject(launch.images) ? launch.images : null,
        assetsBaseUrl: launch.assetsBaseUrl ? new URL(launch.assetsBaseUrl, location.href).href : null,
      }, '*');
    }, () => {});
  });

  restartButton.addEventListener('click', () => restart());
  boardButton.addEventListener('click', () => (board.hidden ? showBoard() : hideBoard()));

  function restart() {
    if (frameWindow) frameWindow.postMessage({ type: 'restart' }, '*');
    forgetSave();
  }

  function forgetSave() {
    if (!preview && services.removeStorage) Promise.resolve(services.removeStorage(SAVE_KEY)).catch((e) => console.warn('story save:', e));
  }

  // ---- the bridge ------------------------------------------------------------------------------------------------
  function drop(reason) {
    stats.dropped++;
    if (stats.reasons.length < 50) stats.reasons.push(reason);
    console.warn('story host: dropped a message: ' + reason);
  }

  function onMessage(event) {
    if (!frameWindow || event.source !== frameWindow) return;
    if (event.origin !== 'null') { drop('message from a non-sandboxed origin'); return; }
    const message = event.data;
    if (!isObject(message)) { drop('not an object'); return; }
    switch (message.type) {
      case 'save':
        if (!isObject(message.save) || typeof message.save.state !== 'string') { drop('bad save'); return; }
        if (preview || !services.setStorage) return;
        if (JSON.stringify(message.save).length > MAX_SAVE_CHARS) { drop('save too large'); return; }
        stats.saves++;
        Promise.resolve(services.setStorage(SAVE_KEY, message.save)).catch((e) => console.warn('story save:', e));
        return;
      case 'ending':
        if (!isText(message.name, 200)) { drop('bad ending'); return; }
        if (!preview) recordEnding(message.name);
        return;
      case 'shareEnding':
        if (!isText(message.name, 200)) { drop('bad shareEnding'); return; }
        if (!preview && services.share) {
          Promise.resolve(services.share({
            appId: launch.appId, title: (launch.name || config.title || '') + ' · ' + message.name,
            path: '?ending=' + encodeURIComponent(message.name), imageUrl: '',
          })).catch((e) => console.error('share:', e));
        }
        return;
      case 'restarted':
        forgetSave();
        return;
      case 'progress':
        if (!Array.isArray(message.made) || !message.made.every((t) => typeof t === 'string')) { drop('bad progress'); return; }
        if (services.onProgress) services.onProgress(message.made, !!message.restarted);
        return;
      case 'resumed':
        return;
      case 'error':
        console.warn('story:', String(message.message));
        if (services.onError) services.onError(String(message.message));
        return;
      default:
        drop('unknown message');
    }
  }
  addEventListener('message', onMessage);

  /**
   * Keeps the ending in the person's storage at the story (every name), and in their hosted data (what friends' boards
   * count: the count, with the names that fit).
   */
  async function recordEnding(name) {
    if (found.includes(name)) return;
    found = [...found, name];
    stats.endings = found.length;
    if (services.setStorage) Promise.resolve(services.setStorage(ENDINGS_KEY, found)).catch((e) => console.warn('story endings:', e));
    if (!cloud.set) return;
    try {
      await cloud.set([{ key: ENDINGS_KEY, value: endingsValue(found) }]);
    } catch (e) {
      console.warn('story endings:', e);
    }
  }

  async function showBoard() {
    if (!cloud.friends) return;
    board.hidden = false;
    boardButton.setAttribute('aria-expanded', 'true');
    board.textContent = '';
    board.append(el('h2', {}, texts.board));
    let players = [];
    try {
      const answer = await cloud.friends([ENDINGS_KEY]);
      players = (answer && (answer.data || answer.Data)) || [];
    } catch (e) {
      console.warn('story board:', e);
    }
    const rows = players.map((p) => {
      const item = (p.KVDataList || []).find((i) => i.key === ENDINGS_KEY);
      return { name: p.nickname || '', avatar: p.avatarUrl || null, count: item ? countFrom(item.value) : 0 };
    }).filter((r) => r.count > 0).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    if (rows.length === 0) { board.append(el('p', {}, texts.boardEmpty)); return; }
    const list = el('ol', { class: 'hst-board-list' });
    for (const row of rows) {
      const item = el('li');
      if (row.avatar) item.append(el('img', { src: new URL(row.avatar, location.href).href, alt: '', class: 'hst-avatar' }));
      item.append(el('span', { class: 'hst-name' }, row.name), el('span', { class: 'hst-count' }, endings.length ? row.count + ' / ' + endings.length : String(row.count)));
      list.append(item);
    }
    board.append(list);
  }

  function hideBoard() {
    board.hidden = true;
    boardButton.setAttribute('aria-expanded', 'false');
  }

  function showLoadFailed() {
    root.append(el('p', { class: 'hst-error', role: 'alert' }, texts.loadFailed));
  }

  return {
    stats,
    restart,
    showBoard,
    /** The studio's preview: a recompiled story, replaying the choices made (by their text) where they still apply. */
    load(story, images, replay) {
      storyText = typeof story === 'string' ? story : JSON.stringify(story);
      if (frameWindow) frameWindow.postMessage({ type: 'load', story: storyText, images: isObject(images) ? images : null, replay: replay || null }, '*');
    },
    unmount() {
      removeEventListener('message', onMessage);
      frameWindow = null;
      root.remove();
    },
  };
}

/**
 * The hosted value of the endings found: {"count": n, "names": [...]}, as many names as fit WeChat's 1 KiB for key
 * and value (the count is always all of them).
 */
function endingsValue(found) {
  const names = [...found];
  let value = JSON.stringify({ count: found.length, names });
  while (new TextEncoder().encode(ENDINGS_KEY + value).length > MAX_KV_BYTES && names.length > 0) {
    names.pop();
    value = JSON.stringify({ count: found.length, names });
  }
  return value;
}

function countFrom(value) {
  try {
    const parsed = JSON.parse(value);
    return Number.isInteger(parsed.count) && parsed.count >= 0 ? parsed.count : 0;
  } catch {
    return 0;
  }
}

/** The endings already found, from the launch's snapshot of the person's storage at the story (or none). */
function foundFrom(value) {
  return Array.isArray(value) ? value.filter((n) => typeof n === 'string') : [];
}
