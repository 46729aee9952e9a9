const api = require('../../utils/api.js');
const deposits = require('../../utils/deposit.js');

Page({
  data: {
    service: 0,
    name: '',
    minutes: 0,
    price: '',
    deposit: '',
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
      deposit: decodeURIComponent(query.deposit || ''),
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
    let booking;
    try {
      booking = await api.book({
        service: this.data.service,
        day: this.data.day,
        time: this.data.time,
        name: this.data.person.trim(),
        note: this.data.note.trim(),
        remind,
      });
    } catch (e) {
      this.setData({ busy: false, error: e.message });
      if (e.status === 409) {
        await wx.showModal({ title: 'Just taken', content: 'Someone booked this time a moment ago. Please choose another.', showCancel: false });
        wx.navigateBack();
      }
      return;
    }
    let toast = { title: booking.reminded ? 'Booked, reminder sent' : 'Booked', icon: 'success' };
    if (booking.deposit) {
      // The slot is the person's now; the deposit follows in the cashier. Not paid here, it can be paid from My bookings.
      toast = await this.payDeposit(booking);
    }
    wx.showToast(toast);
    wx.switchTab({ url: '/pages/bookings/bookings' });
  },

  async payDeposit(booking) {
    try {
      const deposit = await deposits.pay(booking.id, booking.payment);
      if (deposit.state === 'paid') return { title: 'Booked, deposit paid', icon: 'success' };
      return { title: 'Booked: pay the deposit under My bookings', icon: 'none' };
    } catch (e) {
      return { title: 'Booked: ' + e.message, icon: 'none' };
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
