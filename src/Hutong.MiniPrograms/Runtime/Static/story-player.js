// The story player's frame: runs a compiled Ink story (inkjs's runtime, ink.js beside this file) in an opaque-origin
// frame with no network, and shows it: paragraphs, images (# image: name), choices as buttons, endings
// (# ending: Name). It only ever talks to its parent, at the origin the parent first wrote from: the host gives it
// the story and the saved state, and is told of each save, ending and share. An Ink story is data run by inkjs's own
// machine, never script, so a story can do nothing here but tell its tale.
'use strict';
(() => {
  // A story whose lines never stop (a loop that prints) is cut off here rather than freezing the frame.
  const MAX_LINES_PER_TURN = 2000;
  const storyEl = document.getElementById('story');
  const choicesEl = document.getElementById('choices');
  let hostOrigin = null;
  let init = null;
  let json = null;
  let story = null;
  let made = []; // the texts of the choices made since the start, for the studio's replay
  let passage = []; // what the screen shows since the last choice: { text } | { image } | { ending }
  let found = [];
  let texts = {};

  addEventListener('message', (event) => {
    if (event.source !== parent) return;
    const message = event.data;
    if (hostOrigin === null) {
      if (!message || message.type !== 'init') return;
      hostOrigin = event.origin;
      init = message;
      texts = message.texts || {};
      if (message.language) document.documentElement.lang = message.language;
      found = Array.isArray(message.found) ? message.found.filter((n) => typeof n === 'string') : [];
      load(message.story, message.save, message.replay);
      return;
    }
    if (event.origin !== hostOrigin || !message) return;
    if (message.type === 'restart') start(null, null);
    else if (message.type === 'load' && init.preview) {
      if (message.images && typeof message.images === 'object') init.images = message.images;
      load(message.story, null, message.replay);
    }
  });

  const post = (message) => parent.postMessage(message, hostOrigin);

  function load(storyJson, save, replay) {
    json = typeof storyJson === 'string' ? storyJson : JSON.stringify(storyJson);
    start(save, replay);
  }

  /** A new run of the story: from a save, replaying choices by their text (the studio's preview), or from the top. */
  function start(save, replay) {
    storyEl.textContent = '';
    choicesEl.textContent = '';
    passage = [];
    made = [];
    if (init.sharedEnding && !save) {
      // Opened from a card that shared an ending: said once, above the story, as the sharer's challenge.
      storyEl.appendChild(el('p', { class: 'hs-shared' }, (texts.sharedEnding || '“{0}”').replace('{0}', init.sharedEnding)));
      init.sharedEnding = null;
    }
    try {
      story = new inkjs.Story(json);
      story.allowExternalFunctionFallbacks = true;
      story.onError = (message, type) => { if (type === 2) showError(message); };
    } catch (e) {
      showError(String(e && e.message || e));
      return;
    }
    if (save && typeof save.state === 'string') {
      try {
        story.state.LoadJson(save.state);
        made = Array.isArray(save.made) ? save.made.filter((t) => typeof t === 'string') : [];
        for (const part of Array.isArray(save.passage) ? save.passage : []) show(part);
        showChoices();
        post({ type: 'resumed' });
        return;
      } catch {
        // A save from an earlier version of the story that no longer fits it: start again.
        story = new inkjs.Story(json);
        storyEl.textContent = '';
        passage = [];
        made = [];
      }
    }
    if (!Array.isArray(replay) || replay.length === 0) { turn(true); return; }
    // Replay: each choice made before must still be offered, by its text; otherwise the preview starts over.
    for (const text of replay) {
      if (!run(false)) break;
      const index = story.currentChoices.findIndex((c) => c.text === text);
      if (index < 0) { start(null, null); post({ type: 'progress', made: [], restarted: true }); return; }
      storyEl.textContent = '';
      passage = [];
      story.ChooseChoiceIndex(index);
      made.push(text);
    }
    turn(false);
  }

  /** Continues to the next choice or the end, shows it, and (when asked) saves it. */
  function turn(save) {
    run(true);
    showChoices();
    post({ type: 'progress', made: made.slice() });
    if (save && !init.preview) post({ type: 'save', save: { state: story.state.toJson(), passage, made } });
  }

  /** Runs the story to its next choice or its end; false when it stopped on an error. */
  function run(render) {
    let lines = 0;
    try {
      while (story.canContinue) {
        if (++lines > MAX_LINES_PER_TURN) { showError(texts.tooLong || 'The story did not stop: it printed too many lines at once.'); return false; }
        const text = story.Continue();
        const tags = story.currentTags || [];
        let image = null;
        let ending = null;
        for (const tag of tags) {
          const m = /^\s*(image|ending)\s*:\s*(.+?)\s*$/i.exec(tag);
          if (!m) continue;
          if (m[1].toLowerCase() === 'image') image = m[2]; else ending = m[2];
        }
        if (!render) continue;
        if (text.trim()) record({ text: text.trim() });
        if (image) record({ image });
        if (ending) {
          if (!found.includes(ending)) found.push(ending);
          record({ ending });
          post({ type: 'ending', name: ending });
        }
      }
      return true;
    } catch (e) {
      showError(String(e && e.message || e));
      return false;
    }
  }

  function record(part) {
    passage.push(part);
    show(part);
  }

  function show(part) {
    if (part.text) {
      storyEl.appendChild(el('p', {}, part.text));
    } else if (part.image) {
      const url = imageUrl(part.image);
      const figure = el('figure');
      if (url) figure.appendChild(el('img', { src: url, alt: part.image }));
      else figure.appendChild(el('figcaption', { class: 'hs-error' }, (texts.missingImage || 'No image named') + ' “' + part.image + '”'));
      storyEl.appendChild(figure);
    } else if (part.ending) {
      const box = el('section', { class: 'hs-ending', 'aria-label': texts.ending || 'Ending' });
      box.appendChild(el('h2', {}, (texts.ending || 'Ending') + ': ' + part.ending));
      box.appendChild(el('p', {}, (texts.found || 'Endings found') + ': ' + found.length + (init.endings && init.endings.length ? ' / ' + init.endings.length : '')));
      storyEl.appendChild(box);
    }
  }

  function imageUrl(name) {
    if (init.images && typeof init.images[name] === 'string') return init.images[name];
    return init.assetsBaseUrl ? init.assetsBaseUrl + encodeURIComponent(name) : null;
  }

  function showChoices() {
    choicesEl.textContent = '';
    const choices = story.currentChoices;
    choices.forEach((choice, index) => {
      const button = el('button', { type: 'button' }, (index < 9 ? index + 1 + '. ' : '') + choice.text);
      button.addEventListener('click', () => choose(index));
      choicesEl.appendChild(button);
    });
    if (choices.length === 0) {
      const ending = [...passage].reverse().find((p) => p.ending);
      if (ending && !init.preview) {
        const share = el('button', { type: 'button', class: 'hs-primary' }, texts.shareEnding || 'Share this ending');
        share.addEventListener('click', () => post({ type: 'shareEnding', name: ending.ending }));
        choicesEl.appendChild(share);
      }
      const again = el('button', { type: 'button' }, texts.restart || 'Start again');
      again.addEventListener('click', () => { start(null, null); post({ type: 'restarted' }); });
      choicesEl.appendChild(again);
      storyEl.appendChild(el('p', { class: 'hs-end' }, texts.theEnd || 'The end.'));
    }
    const first = choicesEl.querySelector('button');
    if (first && document.hasFocus()) first.focus({ preventScroll: true });
  }

  function choose(index) {
    const choice = story.currentChoices[index];
    if (!choice) return;
    for (const p of storyEl.querySelectorAll('p')) p.classList.add('hs-old');
    storyEl.appendChild(el('p', { class: 'hs-choice-made' }, choice.text));
    passage = [];
    made.push(choice.text);
    story.ChooseChoiceIndex(index);
    const mark = storyEl.lastElementChild;
    turn(true);
    mark.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !/^[1-9]$/.test(event.key) || !story) return;
    const index = Number(event.key) - 1;
    if (index < story.currentChoices.length) { event.preventDefault(); choose(index); }
  });

  function showError(message) {
    storyEl.appendChild(el('p', { class: 'hs-error', role: 'alert' }, message));
    post({ type: 'error', message: String(message).slice(0, 500) });
  }

  function el(tag, attrs = {}, content) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    if (content !== undefined) node.textContent = content;
    return node;
  }
})();
