// The open data context: it alone may read friends' scores, and draws them on the shared canvas, which the game
// can show but never read (`sharedCanvas` is the context's global, as in WeChat).
const ctx = sharedCanvas.getContext('2d');

function clear() {
  ctx.clearRect(0, 0, sharedCanvas.width, sharedCanvas.height);
}

function draw(players) {
  clear();
  const scale = sharedCanvas.width / 375;
  ctx.save();
  ctx.scale(scale, scale);
  ctx.fillStyle = 'rgba(0, 0, 0, 0.75)';
  ctx.fillRect(24, 80, 327, 56 + players.length * 40);
  ctx.fillStyle = '#ffffff';
  ctx.font = 'bold 20px sans-serif';
  ctx.fillText('Friends', 40, 116);
  ctx.font = '18px sans-serif';
  players.forEach((player, i) => {
    ctx.fillText((i + 1) + '. ' + player.nickname, 40, 156 + i * 40);
    ctx.fillText(String(player.score), 300, 156 + i * 40);
  });
  ctx.restore();
}

function score(item) {
  const kv = item.KVDataList.find((entry) => entry.key === 'score');
  try {
    return kv ? JSON.parse(kv.value).wxgame.score : 0;
  } catch {
    return 0;
  }
}

wx.onMessage((message) => {
  if (message.type === 'hideBoard') {
    clear();
    return;
  }
  if (message.type !== 'showBoard') return;
  wx.getFriendCloudStorage({
    keyList: ['score'],
    success: (res) => {
      const players = res.data.map((item) => ({ nickname: item.nickname, score: score(item) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 10);
      draw(players);
    },
  });
});
