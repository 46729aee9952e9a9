const api = require('../../utils/api.js');

Page({
  data: {
    service: 0,
    name: '',
    minutes: 0,
    price: '',
    day: '',
    time: '',
    person: '',
    note: '',
    busy: false,
    error: '',
  },

  onLoad(query) {
    this.setData({
      service: Number(query.service),
      name: decodeURIComponent(query.name || ''),
      minutes: Number(query.minutes || 0),
      price: decodeURIComponent(query.price || ''),
      day: query.day,
      time: query.time,
    });
    // Fetched now: the consent dialog has to open straight from the tap on Book, with nothing awaited before it.
    api.reminderTemplate().then((id) => { this.templateId = id; }, () => { this.templateId = null; });
  },

  onName(event) {
    this.setData({ person: event.detail.value });
  },

  onNote(event) {
    this.setData({ note: event.detail.value });
  },

  async onBook() {
    if (this.data.busy || !this.data.person.trim()) return;
    this.setData({ busy: true, error: '' });
    const remind = await this.askForReminder();
    try {
      const booking = await api.book({
        service: this.data.service,
        day: this.data.day,
        time: this.data.time,
        name: this.data.person.trim(),
        note: this.data.note.trim(),
        remind,
      });
      wx.showToast({ title: booking.reminded ? 'Booked, reminder sent' : 'Booked', icon: 'success' });
      wx.switchTab({ url: '/pages/bookings/bookings' });
    } catch (e) {
      this.setData({ busy: false, error: e.message });
      if (e.status === 409) {
        await wx.showModal({ title: 'Just taken', content: 'Someone booked this time a moment ago. Please choose another.', showCancel: false });
        wx.navigateBack();
      }
    }
  },

  // One reminder per acceptance. Declining, or a platform without subscribe messages, still books.
  async askForReminder() {
    const id = this.templateId;
    if (!id) return false;
    try {
      const answer = await wx.requestSubscribeMessage({ tmplIds: [id] });
      return answer[id] === 'accept';
    } catch (e) {
      return false;
    }
  },
});
