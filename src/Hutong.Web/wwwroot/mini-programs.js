// Mini-programs (MiniProgramPage): imports the runtime's host module the server names in the launch, mounts the app and
// answers its services by calling back into .NET. Only the page that opens a mini-program imports this module, so
// nothing of the runtime loads before then. The session's token stays in .NET: every server call goes through `owner`.

let mounted = null;

// A .NET answer is JSON text: { ok: true, res } for success, { ok: false, errMsg } for the API's fail.
async function call(owner, method, ...args) {
  const answer = JSON.parse(await owner.invokeMethodAsync(method, ...args));
  if (!answer.ok) throw { errMsg: answer.errMsg };
  return answer.res || {};
}

// Storage keeps each value as the runtime serialised it (JSON); a value that is not JSON is kept as text.
function parseStored(items) {
  const storage = {};
  for (const [key, text] of Object.entries(items || {})) {
    try { storage[key] = JSON.parse(text); } catch { storage[key] = text; }
  }
  return storage;
}

function headerValue(header, name) {
  for (const [key, value] of Object.entries(header || {})) if (key.toLowerCase() === name) return String(value);
  return null;
}

function encodeForm(data) {
  return Object.entries(data).map(([k, v]) => encodeURIComponent(k) + '=' + encodeURIComponent(v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))).join('&');
}

function toBase64(buffer) {
  const bytes = new Uint8Array(buffer);
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

// wx.request as WeChat shapes it: GET data goes into the query, a JSON body unless the header says a form.
async function request(owner, args) {
  const method = String(args.method || 'GET').toUpperCase();
  const header = {};
  for (const [key, value] of Object.entries(args.header || {})) header[key] = String(value);
  let url = String(args.url || '');
  let body = null;
  let base64 = false;
  const data = args.data;
  if (data !== undefined && data !== null) {
    if (method === 'GET' || method === 'HEAD') {
      const query = typeof data === 'object' ? encodeForm(data) : String(data);
      if (query) url += (url.includes('?') ? '&' : '?') + query;
    } else if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
      body = toBase64(data instanceof ArrayBuffer ? data : data.buffer);
      base64 = true;
    } else if (typeof data === 'object') {
      const type = headerValue(header, 'content-type') || 'application/json';
      if (!headerValue(header, 'content-type')) header['content-type'] = type;
      body = type.includes('application/x-www-form-urlencoded') ? encodeForm(data) : JSON.stringify(data);
    } else {
      body = String(data);
    }
  }
  const timeout = Number.isFinite(Number(args.timeout)) ? Number(args.timeout) : null;
  const res = await call(owner, 'Request', url, method, JSON.stringify(header), body, base64, timeout);
  let answer = res.data;
  if (args.responseType === 'arraybuffer') {
    answer = res.base64 ? fromBase64(answer) : new TextEncoder().encode(answer).buffer;
  } else if ((args.dataType || 'json') === 'json' && !res.base64 && typeof answer === 'string') {
    try { answer = JSON.parse(answer); } catch { /* WeChat hands over the text when it is not JSON */ }
  }
  return { data: answer, statusCode: res.statusCode, header: res.header };
}

// A proxied call fails as request:fail …; downloadFile and uploadFile say their own name, as WeChat's do.
async function renamed(api, pending) {
  try {
    return await pending;
  } catch (e) {
    throw { errMsg: String(e && e.errMsg || 'fail').replace(/^request:/, api + ':') };
  }
}

// wx.downloadFile: the file comes through the same proxy; its temp path is a data: URL, which the app's sandboxed
// frames may show (a blob: URL of this page would not load there) and uploadFile reads back.
async function downloadFile(owner, args) {
  const res = await call(owner, 'Request', String(args.url || ''), 'GET', JSON.stringify(args.header || {}), null, false,
    Number.isFinite(Number(args.timeout)) ? Number(args.timeout) : null);
  const type = headerValue(res.header, 'content-type') || 'application/octet-stream';
  const base64 = res.base64 ? res.data : toBase64(new TextEncoder().encode(res.data).buffer);
  return { tempFilePath: 'data:' + type.split(';')[0] + ';base64,' + base64, statusCode: res.statusCode };
}

// wx.uploadFile: a multipart/form-data POST of the file at filePath (a temp path from downloadFile) and formData.
async function uploadFile(owner, args) {
  const path = String(args.filePath || '');
  const match = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(path);
  if (!match) throw { errMsg: 'uploadFile:fail file not found' };
  const bytes = new Uint8Array(match[2] ? fromBase64(match[3]) : new TextEncoder().encode(decodeURIComponent(match[3])).buffer);
  const boundary = '----hutong' + crypto.getRandomValues(new Uint32Array(2)).join('');
  const encoder = new TextEncoder();
  const parts = [];
  for (const [key, value] of Object.entries(args.formData || {})) {
    parts.push(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  }
  const fileName = String(args.name || 'file');
  parts.push(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${fileName}"; filename="${fileName}"\r\nContent-Type: ${match[1] || 'application/octet-stream'}\r\n\r\n`));
  parts.push(bytes, encoder.encode(`\r\n--${boundary}--\r\n`));
  const body = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) { body.set(part, at); at += part.length; }
  const header = { ...(args.header || {}), 'content-type': 'multipart/form-data; boundary=' + boundary };
  const res = await call(owner, 'Request', String(args.url || ''), 'POST', JSON.stringify(header), toBase64(body.buffer), true,
    Number.isFinite(Number(args.timeout)) ? Number(args.timeout) : null);
  return { data: res.base64 ? atob(res.data) : res.data, statusCode: res.statusCode };
}

function locate(args) {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) { reject({ errMsg: 'getLocation:fail not supported' }); return; }
    navigator.geolocation.getCurrentPosition((position) => {
      const c = position.coords;
      resolve({
        latitude: c.latitude, longitude: c.longitude, accuracy: c.accuracy, speed: c.speed ?? -1, altitude: c.altitude ?? 0,
        verticalAccuracy: c.altitudeAccuracy ?? 0, horizontalAccuracy: c.accuracy, type: args.type || 'wgs84',
      });
    }, (error) => reject({ errMsg: 'getLocation:fail ' + (error.code === 1 ? 'auth deny' : error.message || 'unavailable') }),
    { enableHighAccuracy: !!args.isHighAccuracy, timeout: 30000 });
  });
}

/**
 * Opens the app in container. launchJson: { runtimeUrl, kind, appId, name, version, envVersion, config, codeUrl, path, query,
 * storage (key -> JSON text), texts (the host's words in the person's language), and for a game fromCard, shareTicket }. Returns once the host has mounted; the app keeps loading in its frames.
 */
export async function open(container, launchJson, owner) {
  close();
  const launch = JSON.parse(launchJson);
  const { mount } = await import(new URL(launch.runtimeUrl, document.baseURI).href);
  const code = new URL(launch.codeUrl, document.baseURI).href;
  const services = {
    login: () => call(owner, 'Login'),
    checkSession: () => ({}),
    request: (args) => request(owner, args),
    downloadFile: (args) => renamed('downloadFile', downloadFile(owner, args || {})),
    uploadFile: (args) => renamed('uploadFile', uploadFile(owner, args || {})),
    setStorage: (key, data) => call(owner, 'SetStorage', key, JSON.stringify(data === undefined ? null : data)),
    removeStorage: (key) => call(owner, 'RemoveStorage', key),
    clearStorage: () => call(owner, 'ClearStorage'),
    getLocation: async (args) => { await call(owner, 'AskLocation'); return locate(args || {}); },
    scanCode: (args) => call(owner, 'ScanCode', !!(args && args.onlyFromCamera)),
    requestSubscribeMessage: (args) => call(owner, 'RequestSubscribeMessage', JSON.stringify(Array.isArray(args.tmplIds) ? args.tmplIds.map(String) : [])),
    getUserProfile: (args) => call(owner, 'GetUserProfile', String((args && args.desc) || '')),
    requestPayment: (args) => call(owner, 'RequestPayment', JSON.stringify(args || {})),
    setClipboardData: async (args) => {
      await navigator.clipboard.writeText(String(args.data ?? ''));
      await call(owner, 'Copied');
      return {};
    },
    share: (card) => owner.invokeMethodAsync('Share', String(card.title || ''), String(card.path || '')),
    close: () => owner.invokeMethodAsync('Close'),
  };
  if (launch.kind === 'story') {
    mounted = mount(container, await storyLaunch(launch, code, owner), { ...services, cloudStorage: cloudStorage(owner) });
    return;
  }
  if (launch.kind === 'game') {
    mounted = mount(container, gameLaunch(launch, code), { ...services, cloudStorage: cloudStorage(owner) });
    return;
  }
  mounted = mount(container, {
    appId: launch.appId, name: launch.name, version: launch.version, envVersion: launch.envVersion, config: launch.config,
    viewJsonUrl: code + 'view.json', logicJsUrl: code + 'logic.js', wxsJsUrl: code + 'wxs.js', assetsBaseUrl: code + 'assets/',
    runtimeBaseUrl: new URL('/mp/runtime/', document.baseURI).href,
    path: launch.path || undefined, query: launch.query || {}, storage: parseStored(launch.storage),
    texts: launch.texts || undefined,
  }, services);
}

// A game's code and assets under the launch's code URL, and where it was opened from (a group card's share ticket).
function gameLaunch(launch, code) {
  const config = typeof launch.config === 'string' ? JSON.parse(launch.config || '{}') : launch.config || {};
  return {
    appId: launch.appId, name: launch.name, version: launch.version, envVersion: launch.envVersion, config,
    gameJsUrl: code + 'game.js', openDataJsUrl: config.openDataContext ? code + 'open-data.js' : null, assetsBaseUrl: code + 'assets/',
    runtimeBaseUrl: new URL('/mp/runtime/', document.baseURI).href,
    query: launch.query || {}, storage: parseStored(launch.storage), shareTicket: launch.shareTicket || null, fromCard: !!launch.fromCard,
    texts: launch.texts || undefined,
  };
}

// Hosted data: the person's own for the game, the friends' and a group's for its open data context (the host decides
// which context may call which; this only fetches as the person). A story's host keeps the endings found there and
// draws the friends' board.
function cloudStorage(owner) {
  return {
    set: (items) => call(owner, 'SetUserCloudStorage', JSON.stringify(items)),
    remove: (keys) => call(owner, 'RemoveUserCloudStorage', JSON.stringify(keys)),
    get: (keys) => call(owner, 'GetUserCloudStorage', JSON.stringify(keys)),
    keys: () => call(owner, 'GetUserCloudStorageKeys'),
    friends: (keys) => call(owner, 'GetFriendCloudStorage', JSON.stringify(keys)),
    group: (shareTicket, keys) => call(owner, 'GetGroupCloudStorage', shareTicket, JSON.stringify(keys)),
    shareInfo: (shareTicket) => call(owner, 'GetShareInfo', shareTicket),
  };
}

// A story's compiled story and images under the launch's code URL, its ending named by a card's path (?ending=),
// and the player's words in the person's language.
async function storyLaunch(launch, code, owner) {
  return {
    appId: launch.appId, name: launch.name, config: launch.config, storyJsonUrl: code + 'story.json', assetsBaseUrl: code + 'assets/',
    runtimeBaseUrl: new URL('/mp/runtime/', document.baseURI).href, query: launch.query || {}, storage: parseStored(launch.storage),
    texts: JSON.parse(await owner.invokeMethodAsync('StoryTexts')),
  };
}

/** Shares the page on top through the app's own onShareAppMessage; false when the runtime cannot. */
export function share() {
  return !!(mounted && typeof mounted.share === 'function' && mounted.share());
}

/** The page on top and its query, or null. */
export function currentPath() {
  if (!mounted) return null;
  if (typeof mounted.path === 'string') return mounted.path;
  const routes = mounted.routes || [];
  return routes.length ? routes[routes.length - 1] : null;
}

export function close() {
  if (mounted) {
    mounted.unmount();
    mounted = null;
  }
}

/** Closing goes back to where the app was opened from; opened from outside (a link, a new tab), to fallback. */
export function goBack(fallback) {
  close();
  if (history.length > 1) history.back(); else location.assign(fallback);
}
