// Bubble Tap: pop as many bubbles as you can in a round. Your best score is kept on this device (wx.setStorageSync)
// and, for your friends' leaderboard, in your hosted data (wx.setUserCloudStorage), which only the open data context
// (openDataContext/index.js) reads and draws. The launch query may set the round's length (?round=10, 5 to 60 seconds)
// and its bubbles (?seed=N plays the same bubbles again).
import { Round } from './js/round.js';
import * as buttons from './js/buttons.js';

const canvas = wx.createCanvas();
const ctx = canvas.getContext('2d');
const { windowWidth: width, windowHeight: height, pixelRatio } = wx.getSystemInfoSync();
canvas.width = Math.round(width * pixelRatio);
canvas.height = Math.round(height * pixelRatio);
ctx.scale(pixelRatio, pixelRatio);

const launch = wx.getLaunchOptionsSync();
const query = launch.query || {};
const seconds = Math.min(60, Math.max(5, Number(query.round) || 30));
const fixedSeed = Number(query.seed) || 0;
// Opened from a card in a group: the board is that group's.
const shareTicket = launch.shareTicket || null;

const bubbleImage = wx.createImage();
bubbleImage.src = 'images/bubble.png';
const pop = wx.createInnerAudioContext();
pop.src = 'audio/pop.mp3';

const openData = wx.getOpenDataContext();
let best = Number(wx.getStorageSync('best')) || 0;
let hasBest = wx.getStorageSync('best') !== '';
let screen = 'title'; // 'title' | 'playing' | 'over'
let round = null;
let lastScore = 0;
let boardShown = false;
let last = 0;

const boardLabel = () => (boardShown ? 'Hide board' : shareTicket ? 'Group board' : 'Friends');
function currentButtons() {
  if (screen === 'title') {
    return buttons.layout(width, height, [
      { id: 'start', label: 'Start', at: 0.62, primary: true },
      { id: 'board', label: boardLabel(), at: 0.74 },
    ]);
  }
  if (screen === 'over') {
    return buttons.layout(width, height, [
      { id: 'start', label: 'Play again', at: 0.62, primary: true },
      { id: 'board', label: boardLabel(), at: 0.74 },
      { id: 'share', label: 'Share', at: 0.86 },
    ]);
  }
  return [];
}

function setBoard(shown) {
  boardShown = shown;
  openData.postMessage(shown ? { type: 'showBoard', shareTicket, top: 0.06, bottom: 0.54 } : { type: 'hideBoard' });
}

function start() {
  if (boardShown) setBoard(false);
  round = new Round({ width, height, seconds, seed: fixedSeed || Date.now() % 2147483647 });
  screen = 'playing';
}

function finish() {
  lastScore = round.score;
  round = null;
  screen = 'over';
  if (hasBest && lastScore <= best) return;
  best = Math.max(best, lastScore);
  hasBest = true;
  wx.setStorageSync('best', best);
  // WeChat's leaderboard shape, so the same open data context works there too.
  const value = JSON.stringify({ wxgame: { score: best, update_time: Math.floor(Date.now() / 1000) } });
  wx.setUserCloudStorage({
    KVDataList: [{ key: 'wxgame', value }],
    success: () => setBoard(true),
    fail: (res) => {
      console.warn('the score was not saved:', res.errMsg);
      wx.showToast({ title: 'Score not saved', icon: 'none' }).catch(() => {});
    },
  });
}

wx.onTouchStart((event) => {
  const touch = event.changedTouches[0];
  if (!touch) return;
  if (screen === 'playing') {
    if (round.tap(touch.clientX, touch.clientY)) {
      pop.stop();
      pop.play();
    }
    return;
  }
  const button = buttons.hit(currentButtons(), touch.clientX, touch.clientY);
  if (!button) return;
  if (button.id === 'start') start();
  else if (button.id === 'board') setBoard(!boardShown);
  else if (button.id === 'share') wx.shareAppMessage({ title: `I popped ${best} bubbles in Bubble Tap. Can you beat me?` });
});

wx.onShareAppMessage(() => ({ title: best ? `I popped ${best} bubbles in Bubble Tap. Can you beat me?` : 'Bubble Tap' }));
wx.showShareMenu({ withShareTicket: true });
// Hidden time is not play time: the next frame starts the clock again.
wx.onShow(() => { last = 0; });
wx.onHide(() => { last = 0; });

function drawBackground() {
  const sky = ctx.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, '#1e5799');
  sky.addColorStop(1, '#7db9e8');
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);
}

function drawText(text, x, y, size, align = 'center') {
  ctx.fillStyle = '#fff';
  ctx.font = `700 ${size}px sans-serif`;
  ctx.textAlign = align;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x, y);
}

function render() {
  drawBackground();
  if (screen === 'playing') {
    for (const bubble of round.bubbles) {
      if (bubbleImage.complete) {
        ctx.drawImage(bubbleImage, bubble.x - bubble.radius, bubble.y - bubble.radius, bubble.radius * 2, bubble.radius * 2);
      } else {
        ctx.fillStyle = 'rgba(120,190,255,0.7)';
        ctx.beginPath();
        ctx.arc(bubble.x, bubble.y, bubble.radius, 0, Math.PI * 2);
        ctx.fill();
      }
    }
    drawText(String(round.score), 16, 28, 24, 'left');
    drawText(Math.ceil(round.left) + ' s', width - 16, 28, 24, 'right');
    return;
  }
  if (!boardShown) {
    drawText('Bubble Tap', width / 2, height * 0.2, 36);
    drawText(screen === 'over' ? `Score ${lastScore}` : `Pop bubbles for ${seconds} seconds`, width / 2, height * 0.32, screen === 'over' ? 28 : 18);
    if (hasBest) drawText(`Best ${best}`, width / 2, height * 0.4, 20);
  }
  buttons.draw(ctx, currentButtons());
}

function frame(time) {
  const dt = last ? Math.min(0.1, (time - last) / 1000) : 0;
  last = time;
  if (screen === 'playing') {
    round.update(dt);
    if (round.over) finish();
  }
  render();
  requestAnimationFrame(frame);
}
requestAnimationFrame(frame);
