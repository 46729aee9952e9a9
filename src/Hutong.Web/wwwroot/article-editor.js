// The studio's article body (BodyEditor): a contenteditable body, its toolbar, shortcuts and paste. Imported only by the
// studio. The node sanitises every body it saves; the editor keeps to the few elements its toolbar makes, so the preview
// (the node's answer) shows what the author saw.

// Elements kept as they are; every other one gives way to its content, or becomes a paragraph or a heading.
const kept = new Set(['P', 'BR', 'B', 'STRONG', 'I', 'EM', 'H2', 'H3', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'A']);
// Elements that go with their content: what runs, styles, frames or asks for input.
const dropped = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'HEAD', 'TITLE', 'META',
  'LINK', 'NOSCRIPT', 'FORM', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'VIDEO', 'AUDIO', 'CANVAS']);
const blocks = new Set(['DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'ASIDE', 'MAIN', 'NAV', 'FIGURE', 'FIGCAPTION',
  'PRE', 'TABLE', 'TBODY', 'THEAD', 'TR', 'TD', 'TH', 'DL', 'DT', 'DD', 'ADDRESS', 'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'BLOCKQUOTE', 'UL', 'OL', 'LI']);

function hasBlock(node) {
  return [...node.children].some(c => blocks.has(c.tagName.toUpperCase()));
}

// What an element of pasted or edited HTML becomes: its own kind, another one, or null (its content takes its place).
function kind(element) {
  const tag = element.tagName.toUpperCase();
  if (tag === 'H1') return 'H2';
  if (tag === 'H4' || tag === 'H5' || tag === 'H6') return 'H3';
  // Some editors wrap a whole paste in <b style="font-weight:normal">: that is not bold.
  if ((tag === 'B' || tag === 'STRONG') && /^(normal|[1-4]00)$/.test(element.style.fontWeight)) return null;
  if (kept.has(tag)) return tag === 'P' && hasBlock(element) ? null : tag;
  return blocks.has(tag) && !hasBlock(element) ? 'P' : null;
}

// Copies the simple markup of source into target: no attribute survives but a link's address and an upload's image.
function clean(source, target, images) {
  for (const node of source.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      target.append(node.textContent);
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || dropped.has(node.tagName.toUpperCase())) continue;
    if (node.tagName.toUpperCase() === 'IMG') {
      // Only the images this editor put in (uploads): a pasted one is someone else's address.
      if (images && node.dataset.media) {
        const image = document.createElement('img');
        image.src = node.getAttribute('src');
        image.dataset.media = node.dataset.media;
        image.alt = node.alt || '';
        target.append(image);
      }
      continue;
    }
    const name = kind(node);
    const href = name === 'A' ? node.getAttribute('href') || '' : '';
    if (name === null || (name === 'A' && !/^(https?:|mailto:)/i.test(href))) {
      clean(node, target, images);
      continue;
    }
    const copy = document.createElement(name);
    if (name === 'A') copy.setAttribute('href', href);
    clean(node, copy, images);
    target.append(copy);
  }
  return target;
}

function closest(editor, selector) {
  const selection = getSelection();
  let node = selection.rangeCount ? selection.anchorNode : null;
  if (!node || !editor.contains(node)) return null;
  if (node.nodeType !== Node.ELEMENT_NODE) node = node.parentElement;
  const found = node.closest(selector);
  return found && editor.contains(found) ? found : null;
}

// Which toolbar buttons are on where the caret is.
function pressed(editor) {
  return {
    bold: document.queryCommandState('bold'),
    italic: document.queryCommandState('italic'),
    heading: !!closest(editor, 'h2,h3'),
    quote: !!closest(editor, 'blockquote'),
    bulleted: !!closest(editor, 'ul'),
    numbered: !!closest(editor, 'ol'),
    link: !!closest(editor, 'a'),
  };
}

function showPressed(editor) {
  const state = pressed(editor);
  for (const button of editor.__toolbar.querySelectorAll('button[data-command]')) {
    if (button.dataset.command in state) button.setAttribute('aria-pressed', String(state[button.dataset.command]));
  }
}

// Puts the caret back where it was in the body when a toolbar button or the link field took the focus meanwhile.
// With the focus still in the body, its live selection is the one to use: the one kept is a selectionchange behind.
function restore(editor) {
  const selection = getSelection();
  if (document.activeElement === editor && selection.rangeCount && editor.contains(selection.anchorNode)) return;
  editor.focus();
  if (editor.__range) {
    selection.removeAllRanges();
    selection.addRange(editor.__range);
  }
}

// Takes a quote away, leaving its paragraphs; words that stood in it loose become a paragraph.
function unquote(quote) {
  const parts = [];
  let loose = null;
  for (const node of [...quote.childNodes]) {
    if (node.nodeType === Node.ELEMENT_NODE && blocks.has(node.tagName.toUpperCase())) {
      loose = null;
      parts.push(node);
    } else {
      if (!loose) parts.push(loose = document.createElement('p'));
      loose.append(node);
    }
  }
  quote.replaceWith(...parts);
}

function run(editor, command) {
  restore(editor);
  switch (command) {
    case 'bold':
    case 'italic':
      document.execCommand(command);
      break;
    case 'heading':
      document.execCommand('formatBlock', false, closest(editor, 'h2,h3') ? 'p' : 'h2');
      break;
    case 'quote': {
      const quote = closest(editor, 'blockquote');
      if (quote) unquote(quote); else document.execCommand('formatBlock', false, 'blockquote');
      break;
    }
    case 'bulleted':
      document.execCommand('insertUnorderedList');
      break;
    case 'numbered':
      document.execCommand('insertOrderedList');
      break;
    case 'link':
      editor.__owner.invokeMethodAsync('OnLink', closest(editor, 'a')?.getAttribute('href') ?? '');
      return;
    case 'image':
      editor.__file.click();
      return;
  }
  showPressed(editor);
}

export function attach(editor, toolbar, file, owner) {
  Object.assign(editor, { __toolbar: toolbar, __file: file, __owner: owner, __range: null });
  document.execCommand('defaultParagraphSeparator', false, 'p');
  if (!editor.firstChild) editor.innerHTML = '<p><br></p>';

  const onSelection = () => {
    const selection = getSelection();
    if (selection.rangeCount && editor.contains(selection.anchorNode)) {
      editor.__range = selection.getRangeAt(0).cloneRange();
      showPressed(editor);
    }
  };
  document.addEventListener('selectionchange', onSelection);
  // Typing, a command, a paste or an image: the body differs from the one last saved.
  editor.addEventListener('input', () => { editor.__changed = true; });
  editor.__detach = () => document.removeEventListener('selectionchange', onSelection);

  editor.addEventListener('keydown', e => {
    const key = e.key.toLowerCase();
    if ((e.ctrlKey || e.metaKey) && !e.altKey && ['b', 'i', 'k'].includes(key)) {
      // Ctrl+K is the app's chat search elsewhere: in the body it makes a link.
      e.preventDefault();
      e.stopPropagation();
      run(editor, { b: 'bold', i: 'italic', k: 'link' }[key]);
    } else if (e.altKey && e.key === 'F10') {
      e.preventDefault();
      toolbar.querySelector('button[tabindex="0"]')?.focus();
    }
  });

  editor.addEventListener('paste', e => {
    e.preventDefault();
    const html = e.clipboardData.getData('text/html');
    if (html) {
      // Parsed in a document of its own, which runs and loads nothing.
      const pasted = new DOMParser().parseFromString(html, 'text/html').body;
      document.execCommand('insertHTML', false, clean(pasted, document.createElement('div'), false).innerHTML);
    } else {
      document.execCommand('insertText', false, e.clipboardData.getData('text/plain'));
    }
  });

  // A toolbar: Tab reaches one button, the arrows, Home and End the others; a press leaves the caret in the body.
  toolbar.addEventListener('mousedown', e => { if (e.target.closest('button')) e.preventDefault(); });
  toolbar.addEventListener('click', e => {
    const button = e.target.closest('button[data-command]');
    if (button) run(editor, button.dataset.command);
  });
  toolbar.addEventListener('keydown', e => {
    const buttons = [...toolbar.querySelectorAll('button')];
    const at = buttons.indexOf(document.activeElement);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (next === undefined || at < 0) return;
    e.preventDefault();
    const to = (next + buttons.length) % buttons.length;
    buttons.forEach((b, i) => { b.tabIndex = i === to ? 0 : -1; });
    buttons[to].focus();
  });
}

export function detach(editor) {
  editor.__detach?.();
}

// The body shown for editing: the node's clean HTML, whose uploads the caller has given object URLs and data-media ids.
export function setHtml(editor, html) {
  editor.innerHTML = html || '<p><br></p>';
}

// The body as it is saved: the editor's simple markup, with each upload at its node address.
export function getHtml(editor) {
  const body = clean(editor, document.createElement('div'), true);
  for (const image of body.querySelectorAll('img')) {
    image.setAttribute('src', '/api/v1/media/' + image.dataset.media);
    image.removeAttribute('data-media');
  }
  for (const paragraph of body.querySelectorAll('p')) {
    if (!paragraph.textContent.trim() && !paragraph.querySelector('img')) paragraph.remove();
  }
  return body.innerHTML;
}

// Whether the body was edited since it was shown or last saved; saved() starts counting again.
export function changed(editor) {
  return !!editor.__changed;
}

export function saved(editor) {
  editor.__changed = false;
}

// Makes the selection a link to the address, or takes the link away when the address is empty.
export function link(editor, url) {
  restore(editor);
  if (!url) {
    const anchor = closest(editor, 'a');
    if (anchor) {
      const range = document.createRange();
      range.selectNodeContents(anchor);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }
    document.execCommand('unlink');
  } else if (getSelection().isCollapsed && !closest(editor, 'a')) {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.textContent = url;
    document.execCommand('insertHTML', false, anchor.outerHTML);
  } else {
    document.execCommand('createLink', false, url);
  }
  showPressed(editor);
}

// Puts an uploaded image where the caret was, in a paragraph of its own.
export function insertImage(editor, url, mediaId, alt) {
  restore(editor);
  const image = document.createElement('img');
  image.src = url;
  image.alt = alt;
  image.dataset.media = mediaId;
  document.execCommand('insertHTML', false, '<p>' + image.outerHTML + '</p><p><br></p>');
}

export function focus(editor) {
  restore(editor);
}
