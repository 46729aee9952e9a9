// The hosts' own native UI (host.js for mini-programs, game-host.js for games): the toast and loading box and the
// modal that wx.showToast, wx.showLoading and wx.showModal ask for, drawn in the embedder's page, in the layer the host
// gives, where no frame of the app can reach them.

/**
 * The hosts' own words, in English; an embedder gives its person's language as launch.texts (the same keys), which
 * the hosts lay over these.
 */
export const englishTexts = {
  back: 'Back',
  close: 'Close',
  loading: 'Loading',
  refreshing: 'Refreshing…',
  actions: 'Actions',
  cancel: 'Cancel',
  ok: 'OK',
  input: 'Input',
  imagePreview: 'Image preview',
  copied: 'Copied',
};

/** One toast at a time in layer: show(args, loading) replaces the one showing; a loading box stays until hide(). */
export function toasts(layer) {
  let timer = null;
  let box = null;
  function hide() {
    clearTimeout(timer);
    if (box) { box.remove(); box = null; }
  }
  function show(args, loading) {
    hide();
    const icon = loading ? 'loading' : args.icon || 'success';
    box = el('div', { class: 'hmp-toast' + (args.mask ? ' hmp-mask' : ''), role: 'status', 'aria-live': 'polite' });
    const inner = el('div', { class: 'hmp-toast-box' });
    if (icon !== 'none') inner.appendChild(el('span', { class: 'hmp-toast-icon hmp-icon-' + icon, 'aria-hidden': 'true' }, icon === 'success' ? '✓' : icon === 'error' ? '✕' : ''));
    inner.appendChild(el('span', {}, String(args.title || '')));
    box.appendChild(inner);
    layer.appendChild(box);
    if (!loading) timer = setTimeout(hide, Number(args.duration) || 1500);
    return {};
  }
  return { show, hide };
}

/**
 * wx.showModal's dialog in layer, answering { confirm, cancel } (and content, when editable) once closed. Its buttons
 * say what the app asks, else the host's words for cancel and OK, as WeChat's say 取消 and 确定 in Chinese.
 */
export function showModal(layer, args, texts = englishTexts) {
  return new Promise((resolve) => {
    const dialog = el('div', { class: 'hmp-modal hmp-mask', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'hmp-modal-title' });
    const box = el('div', { class: 'hmp-modal-box' });
    box.appendChild(el('h2', { id: 'hmp-modal-title' }, String(args.title || '')));
    if (args.content) box.appendChild(el('p', {}, String(args.content)));
    let input = null;
    if (args.editable) { input = el('input', { type: 'text', placeholder: String(args.placeholderText || ''), 'aria-label': String(args.title || texts.input) }); box.appendChild(input); }
    const buttons = el('div', { class: 'hmp-modal-buttons' });
    const finish = (confirm) => { dialog.remove(); resolve({ confirm, cancel: !confirm, ...(input ? { content: input.value } : {}) }); };
    if (args.showCancel !== false) {
      const cancel = el('button', { type: 'button' }, String(args.cancelText || texts.cancel));
      if (args.cancelColor) cancel.style.color = args.cancelColor;
      cancel.addEventListener('click', () => finish(false));
      buttons.appendChild(cancel);
    }
    const ok = el('button', { type: 'button', class: 'hmp-primary' }, String(args.confirmText || texts.ok));
    if (args.confirmColor) ok.style.color = args.confirmColor;
    ok.addEventListener('click', () => finish(true));
    buttons.appendChild(ok);
    box.appendChild(buttons);
    dialog.appendChild(box);
    dialog.addEventListener('keydown', (e) => { if (e.key === 'Escape' && args.showCancel !== false) finish(false); });
    layer.appendChild(dialog);
    (input || ok).focus();
  });
}

/** An element with attributes and, when given, text. */
export function el(tag, attrs = {}, content) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (content !== undefined) node.textContent = content;
  return node;
}
