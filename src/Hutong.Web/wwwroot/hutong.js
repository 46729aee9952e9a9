// The few things the web client needs from the browser that .NET cannot reach on its own.
window.hutong = {
  get: key => localStorage.getItem(key),
  set: (key, value) => value === null ? localStorage.removeItem(key) : localStorage.setItem(key, value),
  languages: () => navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'en'],
  setLanguage: lang => { document.documentElement.lang = lang; },
  timeZoneOffset: () => -new Date().getTimezoneOffset(),
  visible: () => document.visibilityState === 'visible',

  // Bytes fetched through the API client become a URL the page can show or download.
  objectUrl: async (stream, type) => {
    const buffer = await stream.arrayBuffer();
    return URL.createObjectURL(new Blob([buffer], { type: type || 'application/octet-stream' }));
  },
  revoke: url => URL.revokeObjectURL(url),
  download: (url, name) => {
    const a = document.createElement('a');
    a.href = url; a.download = name || 'file'; document.body.appendChild(a); a.click(); a.remove();
  },

  focus: selector => { const el = document.querySelector(selector); if (el) el.focus(); },

  // Copies text (an app secret) to the clipboard; false when the browser refuses, so the page can say to copy by hand.
  copy: async text => {
    try { await navigator.clipboard.writeText(text); return true; } catch { return false; }
  },
  select: el => { if (el) el.select(); },

  // A modal dialog: focus moves in (to [data-autofocus], else the dialog), Tab and Shift+Tab stay inside, and on
  // close focus goes back to where it was, or to the fallback when that is gone.
  dialog: (el, fallback) => {
    const before = document.activeElement;
    const focusIn = () => (el.querySelector('[data-autofocus]') || el).focus();
    const trap = e => {
      if (e.key !== 'Tab') return;
      const items = [...el.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])')]
        .filter(x => x.offsetParent !== null);
      if (items.length === 0) { e.preventDefault(); return; }
      const first = items[0], last = items[items.length - 1];
      if (e.shiftKey && (document.activeElement === first || document.activeElement === el)) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
    };
    el.addEventListener('keydown', trap);
    focusIn();
    return {
      focusIn,
      dispose: () => {
        el.removeEventListener('keydown', trap);
        const back = before && before.isConnected && before !== document.body ? before : (fallback && document.querySelector(fallback));
        if (back && (!document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected)) back.focus();
      },
    };
  },

  // The message list: stays at the bottom while new messages arrive, asks for history near the top, and keeps
  // its place when older messages are put above.
  watchScroll: (el, owner) => {
    if (!el) return;
    el.__owner = owner;
    el.__stick = true;
    el.addEventListener('scroll', () => {
      el.__stick = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
      if (el.scrollTop < 120 && !el.__loading) {
        el.__loading = true;
        el.__before = el.scrollHeight - el.scrollTop;
        owner.invokeMethodAsync('LoadOlder').finally(() => { el.__loading = false; });
      }
    }, { passive: true });
  },
  afterRender: (el, prepended) => {
    if (!el) return;
    if (prepended && el.__before) { el.scrollTop = el.scrollHeight - el.__before; el.__before = 0; }
    else if (el.__stick) { el.scrollTop = el.scrollHeight; }
  },
  toBottom: el => { if (el) { el.__stick = true; el.scrollTop = el.scrollHeight; } },

  // The window came back to the front (another window or tab was): the owner reads again what may have changed.
  onFocus: owner => {
    const back = () => owner.invokeMethodAsync('OnFocus');
    window.addEventListener('focus', back);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') back(); });
  },

  onVisible: owner => document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') owner.invokeMethodAsync('OnVisible');
  }),

  // Desktop notifications (Me → Settings). The permission is asked only from the person's click on the switch there.
  notificationPermission: () => 'Notification' in window ? Notification.permission : 'unsupported',
  requestNotificationPermission: async () => 'Notification' in window ? await Notification.requestPermission() : 'unsupported',
  // One notification per chat (its tag): a newer message quietly replaces the one still showing instead of piling up.
  notify: (title, body, tag, owner) => {
    if (!('Notification' in window) || Notification.permission !== 'granted') return;
    let n;
    try { n = new Notification(title, { body, tag }); } catch { return; } // Android's Chrome allows them only from a service worker.
    n.onclick = () => { window.focus(); n.close(); owner.invokeMethodAsync('Open', tag); };
  },

  // Caret position in the composer, for the @mention picker.
  caret: el => el ? el.selectionStart : 0,
  setCaret: (el, pos) => { if (el) { el.focus(); el.setSelectionRange(pos, pos); } },
};

// Enter sends (Shift+Enter is a new line, and an IME composing Chinese keeps its Enter); while the @ picker is open
// the arrows, Tab and Escape drive it instead of the caret.
window.hutong.composerKeys = (el, owner) => {
  const handler = e => {
    const picker = el.dataset.picker === 'open';
    if (e.isComposing || e.keyCode === 229) return;
    if ((e.key === 'Enter' && !e.shiftKey) || (picker && ['ArrowDown', 'ArrowUp', 'Tab', 'Escape'].includes(e.key)) || (e.key === 'Escape')) {
      if (e.key !== 'Escape' || picker) e.preventDefault();
      owner.invokeMethodAsync('OnKey', e.key);
    }
  };
  el.addEventListener('keydown', handler);
  return { dispose: () => el.removeEventListener('keydown', handler) };
};

// Keyboard: Alt+Up/Down opens the previous or next chat in the list; Ctrl+K (or Cmd+K) jumps to the chat search.
document.addEventListener('keydown', e => {
  if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
    const rows = [...document.querySelectorAll('.list-col .rows .row')];
    if (rows.length === 0) return;
    const current = rows.findIndex(r => r.classList.contains('selected'));
    const next = current < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, current + (e.key === 'ArrowDown' ? 1 : -1)));
    e.preventDefault();
    rows[next].click();
  } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
    const search = document.getElementById('chat-filter');
    if (search) { e.preventDefault(); search.focus(); }
  }
});

// A file input that looks like a button (class file-input) opens its chooser on Enter too, as a button does (inputs
// answer Space by themselves). Handled here, in the key's own event, on the document and from the start: the browser
// opens a chooser only while the keypress is fresh, and a page's own script may not have loaded yet when the key comes.
document.addEventListener('keydown', e => {
  const input = e.target;
  if (e.key === 'Enter' && input instanceof HTMLInputElement && input.type === 'file' && input.classList.contains('file-input') && !input.disabled) {
    e.preventDefault();
    input.click();
  }
});
