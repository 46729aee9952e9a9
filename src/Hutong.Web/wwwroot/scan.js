// Scan (ScanPage): QR codes read in the browser, from the camera's live picture or from an image the person picks.
// The decoder (lib/qr-scanner, see its README) comes with this module, which the page imports only when Scan opens.
import QrScanner from './lib/qr-scanner/qr-scanner.min.js';

// A frame every 150 ms is quick enough for a hand holding a phone, and leaves the CPU to the rest of the page.
const interval = 150;

let stream = null;
let timer = null;
let engine = null;
let canvas = null;
// Each start() counts up: a loop or a camera that was asked for by an earlier one stops when it sees a newer count.
let run = 0;

// The decoder's worker (or the browser's BarcodeDetector), made once and kept while the page is open.
function qrEngine() {
  engine ??= QrScanner.createQrEngine();
  return engine;
}

// The code's text, or null when the picture holds none (or is not a picture the browser can read).
async function decode(source) {
  if (!canvas) {
    canvas = document.createElement('canvas');
    // The decoder reads the canvas back for every frame: a context made for that (the first getContext sets it).
    canvas.getContext('2d', { willReadFrequently: true });
  }
  try {
    const result = await QrScanner.scanImage(source, { qrEngine: await qrEngine(), canvas, returnDetailedScanResult: true });
    return result.data;
  } catch {
    return null;
  }
}

// Shows the camera in the preview and reads its frames until one holds a code, which goes to the owner (OnCode) once;
// the camera is let go then. Returns 'ok', or why not: 'denied' (the person or the browser refused), 'nocamera',
// 'unsupported' (no API, e.g. not a secure page), 'failed'.
export async function start(preview, owner) {
  stop();
  const mine = ++run;
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return 'unsupported';
  let camera;
  try {
    // The camera on the back of a phone, where there is one.
    camera = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
  } catch (e) {
    if (e.name === 'NotAllowedError' || e.name === 'SecurityError') return 'denied';
    if (e.name === 'NotFoundError' || e.name === 'OverconstrainedError' || e.name === 'NotReadableError') return 'nocamera';
    return 'failed';
  }
  if (mine !== run) {
    // Stopped (or the page closed) while the browser was asking.
    camera.getTracks().forEach(t => t.stop());
    return 'stopped';
  }
  stream = camera;
  preview.srcObject = stream;
  preview.muted = true;
  try { await preview.play(); } catch { /* shown once the browser lets it play */ }
  const look = async () => {
    if (mine !== run) return;
    const text = preview.readyState >= 2 && preview.videoWidth > 0 ? await decode(preview) : null;
    if (mine !== run) return;
    if (text !== null) {
      stop();
      owner.invokeMethodAsync('OnCode', text);
      return;
    }
    timer = setTimeout(look, interval);
  };
  look();
  return 'ok';
}

// The code in the image picked in a file input, or null; the input is emptied so the same file can be picked again.
export async function scanFile(input) {
  const file = input && input.files && input.files[0];
  if (!file) return null;
  try {
    return await decode(file);
  } finally {
    input.value = '';
  }
}

// Lets the camera go.
export function stop() {
  run++;
  clearTimeout(timer);
  timer = null;
  if (stream) stream.getTracks().forEach(t => t.stop());
  stream = null;
}

// The page is closing: the camera and the decoder's worker go.
export function close() {
  stop();
  if (engine) {
    engine.then(e => { if (e instanceof Worker) e.terminate(); }, () => {});
    engine = null;
  }
}
