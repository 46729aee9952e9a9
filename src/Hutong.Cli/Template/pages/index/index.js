Page({
  data: {
    count: 0,
    goal: 5,
    teas: [
      { id: 'longjing', name: 'Longjing', picked: false },
      { id: 'tieguanyin', name: 'Tieguanyin', picked: false },
      { id: 'puer', name: 'Pu-erh', picked: false }
    ]
  },

  onLoad(query) {
    // query holds the page's parameters, as in pages/index/index?from=share
  },

  increment() {
    this.setData({ count: this.data.count + 1 });
  },

  reset() {
    this.setData({ count: 0 });
  },

  pick(event) {
    const id = event.currentTarget.dataset.id;
    const teas = this.data.teas.map(tea => tea.id === id ? { ...tea, picked: !tea.picked } : tea);
    this.setData({ teas });
  }
});
