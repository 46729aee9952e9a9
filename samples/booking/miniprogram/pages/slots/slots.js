const api = require('../../utils/api.js');

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

// 2026-12-06 as "Today", "Tomorrow" or "Sun", with "12/6" under it.
function label(day, index) {
  const [year, month, date] = day.split('-').map(Number);
  const weekday = index === 0 ? 'Today' : index === 1 ? 'Tomorrow' : WEEKDAYS[new Date(year, month - 1, date).getDay()];
  return { day, weekday, date: month + '/' + date };
}

Page({
  data: {
    service: 0,
    name: '',
    minutes: 0,
    price: '',
    deposit: '',
    days: [],
    day: '',
    slots: [],
    open: 0,
    loading: true,
    error: '',
  },

  onLoad(query) {
    this.setData({
      service: Number(query.service),
      name: decodeURIComponent(query.name || ''),
      minutes: Number(query.minutes || 0),
      price: decodeURIComponent(query.price || ''),
      deposit: decodeURIComponent(query.deposit || ''),
    });
    wx.setNavigationBarTitle({ title: decodeURIComponent(query.name || 'Choose a time') });
  },

  // Again on coming back from the booking page: the slot just booked (or taken by someone else) shows as taken.
  onShow() {
    this.load(this.data.day);
  },

  async load(day) {
    this.setData({ loading: true });
    try {
      const list = await api.slots(this.data.service, day);
      this.setData({
        days: list.days.map(label),
        day: list.day,
        slots: list.slots,
        open: list.slots.filter((s) => s.available).length,
        loading: false,
        error: '',
      });
    } catch (e) {
      this.setData({ loading: false, error: e.message });
    }
  },

  onDay(event) {
    this.load(event.currentTarget.dataset.day);
  },

  onSlot(event) {
    const { time, available } = event.currentTarget.dataset;
    if (!available) {
      wx.showToast({ title: 'Already booked', icon: 'none' });
      return;
    }
    const { service, name, minutes, price, deposit, day } = this.data;
    wx.navigateTo({
      url: '/pages/book/book?service=' + service + '&name=' + encodeURIComponent(name) + '&minutes=' + minutes
        + '&price=' + encodeURIComponent(price) + '&deposit=' + encodeURIComponent(deposit) + '&day=' + day + '&time=' + time,
    });
  },
});
