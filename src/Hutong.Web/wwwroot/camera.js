// The camera for a status (StatusComposer): a live preview, then a clip of at most a given number of seconds
// (MediaRecorder, WebM) or a still (a frame drawn on a canvas, JPEG). The result stays here until the page asks for
// its bytes; close() lets the camera go.
let stream = null;
let recorder = null;
let result = null;
let resultUrl = null;
let ticker = null;
let limit = null;

// 'ok', or why not: 'denied' (the person or the browser refused), 'nocamera', 'unsupported' (no API, e.g. not a
// secure page), 'failed'.
export async function open(preview) {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || typeof MediaRecorder === 'undefined') return 'unsupported';
  try {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    } catch (e) {
      // A camera without a microphone still records, silently.
      if (e.name !== 'NotFoundError' && e.name !== 'OverconstrainedError') throw e;
      stream = await navigator.mediaDevices.getUserMedia({ video: true });
    }
  } catch (e) {
    if (e.name === 'NotAllowedError' || e.name === 'SecurityError') return 'denied';
    if (e.name === 'NotFoundError' || e.name === 'OverconstrainedError' || e.name === 'NotReadableError') return 'nocamera';
    return 'failed';
  }
  preview.srcObject = stream;
  preview.muted = true;
  try { await preview.play(); } catch { /* shown once the browser lets it play */ }
  return 'ok';
}

// Records until stop() or the limit; tells the owner each second left (OnTick) and then the clip's URL (OnRecorded).
export function record(owner, seconds) {
  if (!stream) return false;
  discard();
  const chunks = [];
  const type = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp8', 'video/webm'].find(t => MediaRecorder.isTypeSupported(t));
  recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
  recorder.ondataavailable = e => { if (e.data && e.data.size > 0) chunks.push(e.data); };
  recorder.onstop = () => {
    clearInterval(ticker);
    clearTimeout(limit);
    result = new Blob(chunks, { type: 'video/webm' });
    resultUrl = URL.createObjectURL(result);
    recorder = null;
    owner.invokeMethodAsync('OnRecorded', resultUrl);
  };
  let shown = seconds;
  recorder.onstart = () => {
    const started = performance.now();
    ticker = setInterval(() => {
      const left = Math.max(0, seconds - Math.floor((performance.now() - started) / 1000));
      if (left !== shown) { shown = left; owner.invokeMethodAsync('OnTick', left); }
    }, 200);
    limit = setTimeout(stop, seconds * 1000);
  };
  recorder.start(250);
  return true;
}

export function stop() {
  if (recorder && recorder.state !== 'inactive') recorder.stop();
}

// The frame on screen as a JPEG; returns its URL.
export async function photo(preview) {
  if (!stream || !preview.videoWidth) return null;
  discard();
  const canvas = document.createElement('canvas');
  canvas.width = preview.videoWidth;
  canvas.height = preview.videoHeight;
  canvas.getContext('2d').drawImage(preview, 0, 0);
  result = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.9));
  if (!result) return null;
  resultUrl = URL.createObjectURL(result);
  return resultUrl;
}

export async function bytes() {
  return result ? new Uint8Array(await result.arrayBuffer()) : null;
}

export function discard() {
  if (resultUrl) URL.revokeObjectURL(resultUrl);
  result = null;
  resultUrl = null;
}

export function close() {
  if (recorder) {
    // Closing drops the clip in progress: nobody is left to tell.
    recorder.onstop = null;
    if (recorder.state !== 'inactive') recorder.stop();
    recorder = null;
  }
  clearInterval(ticker);
  clearTimeout(limit);
  if (stream) stream.getTracks().forEach(t => t.stop());
  stream = null;
}
