// __NAME__: tap the falling star before it lands. Each catch scores a point; a landed star ends the round, keeps the
// score among friends (wx.setUserCloudStorage) and shows their board, which the open data context draws.
const canvas = wx.createCanvas();
const ctx = canvas.getContext('2d');
const { windowWidth: width, windowHeight: height, pixelRatio } = wx.getSystemInfoSync();
canvas.width = width * pixelRatio;
canvas.height = height * pixelRatio;
ctx.scale(pixelRatio, pixelRatio);

const title = "__NAME__";
const board = wx.getOpenDataContext();
const star = { x: width / 2, y: 0, r: 28, speed: 2 };
let score = 0;
let best = Number(wx.getStorageSync('best')) || 0;
let playing = true;

function drop() {
  star.x = star.r + Math.random() * (width - 2 * star.r);
  star.y = -star.r;
}

function endRound() {
  playing = false;
  if (score > best) {
    best = score;
    wx.setStorageSync('best', best);
  }
  wx.setUserCloudStorage({
    KVDataList: [{ key: 'score', value: JSON.stringify({ wxgame: { score: best, update_time: Math.floor(Date.now() / 1000) } }) }],
  });
  board.postMessage({ type: 'showBoard' });
}

wx.onTouchStart((event) => {
  const touch = event.changedTouches[0];
  if (!playing) {
    board.postMessage({ type: 'hideBoard' });
    score = 0;
    star.speed = 2;
    playing = true;
    drop();
    return;
  }
  if (Math.hypot(touch.clientX - star.x, touch.clientY - star.y) <= star.r * 1.5) {
    score += 1;
    star.speed += 0.3;
    drop();
  }
});

wx.onShareAppMessage(() => ({ title: 'I caught ' + best + ' stars in ' + title }));
wx.showShareMenu({});

function frame() {
  if (playing) {
    star.y += star.speed;
    if (star.y - star.r > height) endRound();
  }
  ctx.fillStyle = '#0b1d3a';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#ffd84d';
  ctx.beginPath();
  ctx.arc(star.x, star.y, star.r, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#ffffff';
  ctx.font = '20px sans-serif';
  ctx.fillText('Score ' + score + '   Best ' + best, 16, 36);
  if (!playing) ctx.fillText('Tap to play again', 16, height - 32);
  requestAnimationFrame(frame);
}

drop();
requestAnimationFrame(frame);
