// Crops a picture to a square avatar in the browser: the person drags (or uses the arrow keys) to place it and zooms
// with the slider, the wheel or +/-; what shows in the square is what is uploaded, as a 512-pixel JPEG.
const size = 512;
let image = null;
let canvas = null;
let zoom = 1;
let x = 0;
let y = 0;

// The crop: a square of side `side` (in image pixels) at (x, y), kept inside the image.
function side() { return Math.min(image.width, image.height) / zoom; }

function clamp() {
  const s = side();
  x = Math.min(Math.max(x, 0), image.width - s);
  y = Math.min(Math.max(y, 0), image.height - s);
}

function draw(target) {
  const context = target.getContext("2d");
  const s = side();
  context.imageSmoothingQuality = "high";
  context.clearRect(0, 0, target.width, target.height);
  context.drawImage(image, x, y, s, s, 0, 0, target.width, target.height);
}

function setZoom(value, centerX, centerY) {
  const before = side();
  zoom = Math.min(Math.max(value, 1), 4);
  const after = side();
  // Zoom about the point under the pointer (or the middle), so what the person looks at stays put.
  x += (before - after) * (centerX ?? 0.5);
  y += (before - after) * (centerY ?? 0.5);
  clamp();
  draw(canvas);
}

// Reads the chosen file; false when the browser cannot decode it as a picture.
export async function load(input, target) {
  const file = input.files && input.files[0];
  if (!file) return false;
  try {
    image = await createImageBitmap(file);
  } catch {
    image = null;
    return false;
  }
  canvas = target;
  zoom = 1;
  const s = side();
  x = (image.width - s) / 2;
  y = (image.height - s) / 2;
  draw(canvas);
  if (!canvas.dataset.wired) {
    canvas.dataset.wired = "1";
    let dragging = null;
    canvas.addEventListener("pointerdown", e => { dragging = { px: e.clientX, py: e.clientY }; canvas.setPointerCapture(e.pointerId); });
    canvas.addEventListener("pointerup", () => { dragging = null; });
    canvas.addEventListener("pointermove", e => {
      if (!dragging || !image) return;
      const scale = side() / canvas.clientWidth;
      x -= (e.clientX - dragging.px) * scale;
      y -= (e.clientY - dragging.py) * scale;
      dragging = { px: e.clientX, py: e.clientY };
      clamp();
      draw(canvas);
    });
    canvas.addEventListener("wheel", e => {
      if (!image) return;
      e.preventDefault();
      const box = canvas.getBoundingClientRect();
      setZoom(zoom * (e.deltaY < 0 ? 1.1 : 1 / 1.1), (e.clientX - box.left) / box.width, (e.clientY - box.top) / box.height);
      canvas.dispatchEvent(new CustomEvent("zoomchange", { detail: zoom }));
    }, { passive: false });
    canvas.addEventListener("keydown", e => {
      if (!image) return;
      const step = side() / 20;
      const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      if (moves[e.key]) {
        x += moves[e.key][0];
        y += moves[e.key][1];
        clamp();
        draw(canvas);
        e.preventDefault();
      } else if (e.key === "+" || e.key === "=" || e.key === "-") {
        setZoom(zoom * (e.key === "-" ? 1 / 1.1 : 1.1));
        e.preventDefault();
      }
    });
  }
  return true;
}

export function zoomTo(value) {
  if (image) setZoom(value);
}

// The square as it shows, as JPEG bytes.
export async function encode() {
  const out = document.createElement("canvas");
  out.width = size;
  out.height = size;
  draw(out);
  const blob = await new Promise(resolve => out.toBlob(resolve, "image/jpeg", 0.9));
  return new Uint8Array(await blob.arrayBuffer());
}
