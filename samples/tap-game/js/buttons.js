// The canvas buttons of the title and end screens: placed by fractions of the stage's height, centred.
export function layout(width, height, list) {
  const w = Math.min(240, width * 0.7);
  return list.map((button) => ({ ...button, x: (width - w) / 2, y: height * button.at - 22, w, h: 44 }));
}

export function hit(buttons, x, y) {
  return buttons.find((b) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h) || null;
}

export function draw(ctx, buttons) {
  for (const b of buttons) {
    ctx.fillStyle = b.primary ? '#07c160' : 'rgba(255,255,255,0.9)';
    ctx.beginPath();
    ctx.roundRect(b.x, b.y, b.w, b.h, 22);
    ctx.fill();
    ctx.fillStyle = b.primary ? '#fff' : '#1a4d80';
    ctx.font = '600 18px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(b.label, b.x + b.w / 2, b.y + b.h / 2);
  }
}
