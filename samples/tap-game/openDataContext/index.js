// Bubble Tap's open data context: draws the friends' (or, opened from a group's card, the group's) best scores on the
// shared canvas when the game asks ({type: 'showBoard'}) and clears it on {type: 'hideBoard'}. It reads the scores the
// players stored with wx.setUserCloudStorage under 'wxgame'; the game never sees them.
const sharedCanvas = wx.getSharedCanvas();
const ctx = sharedCanvas.getContext('2d');
const { windowWidth: width, windowHeight: height, pixelRatio } = wx.getSystemInfoSync();
ctx.scale(pixelRatio, pixelRatio);

let request = 0;

function scoreOf(player) {
  const item = player.KVDataList.find((kv) => kv.key === 'wxgame');
  if (!item) return null;
  try {
    const score = JSON.parse(item.value).wxgame.score;
    return Number.isFinite(score) ? score : null;
  } catch {
    return null;
  }
}

function clear() {
  ctx.clearRect(0, 0, width, height);
}

function draw(title, rows, top, bottom) {
  clear();
  const x = width * 0.08;
  const w = width * 0.84;
  const y = height * top;
  const h = height * (bottom - top);
  ctx.fillStyle = 'rgba(255,255,255,0.95)';
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, 16);
  ctx.fill();
  ctx.fillStyle = '#1a4d80';
  ctx.font = '700 20px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(title, width / 2, y + 28);
  ctx.font = '16px sans-serif';
  const rowHeight = 32;
  const fit = Math.max(0, Math.floor((h - 64) / rowHeight));
  if (rows.length === 0) {
    ctx.fillStyle = '#666';
    ctx.fillText('No scores yet', width / 2, y + 72);
  }
  rows.slice(0, fit).forEach((row, i) => {
    const rowY = y + 64 + i * rowHeight;
    ctx.fillStyle = i === 0 ? '#e6a700' : '#1a4d80';
    ctx.textAlign = 'left';
    ctx.fillText(String(i + 1), x + 16, rowY);
    ctx.fillStyle = '#222';
    ctx.fillText(row.name.length > 16 ? row.name.slice(0, 15) + '…' : row.name, x + 48, rowY);
    ctx.textAlign = 'right';
    ctx.fillText(String(row.score), x + w - 16, rowY);
  });
  // A canvas says nothing to a screen reader: the same board as text, for the host to read out.
  wx.setAccessibleText(title + ': ' + (rows.length === 0 ? 'no scores yet' : rows.map((row, i) => `${i + 1}. ${row.name} ${row.score}`).join(', ')));
}

function show(message) {
  const mine = ++request;
  const top = Number(message.top) || 0.1;
  const bottom = Number(message.bottom) || 0.6;
  const group = typeof message.shareTicket === 'string' && message.shareTicket !== '';
  const read = group
    ? wx.getGroupCloudStorage({ shareTicket: message.shareTicket, keyList: ['wxgame'] })
    : wx.getFriendCloudStorage({ keyList: ['wxgame'] });
  read.then((res) => {
    if (mine !== request) return;
    const rows = res.data
      .map((player) => ({ name: player.nickname, score: scoreOf(player) }))
      .filter((row) => row.score !== null)
      .sort((a, b) => b.score - a.score);
    draw(group ? 'This group' : 'Friends', rows, top, bottom);
  }, (res) => {
    if (mine !== request) return;
    console.warn('the board could not be read:', res.errMsg);
    draw('Friends', [], top, bottom);
  });
}

wx.onMessage((message) => {
  if (!message || typeof message !== 'object') return;
  if (message.type === 'showBoard') show(message);
  else if (message.type === 'hideBoard') {
    request++;
    clear();
    wx.setAccessibleText('');
  }
});
