using System.Text;

namespace Hutong.MiniPrograms.Tests;

/// <summary>
/// Small mini-programs written as a WeChat developer would: a to-do list, a calculator, a lab app and one that asks
/// through the host's own dialogs.
/// </summary>
internal static class SamplePackages
{
    // Built on each call: the arrays below are initialised after this member's position in the file.
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, byte[]>> All =>
        new Dictionary<string, IReadOnlyDictionary<string, byte[]>>(StringComparer.Ordinal)
        {
            ["todo"] = Files(Todo),
            ["calc"] = Files(Calculator),
            ["lab"] = Files(Lab),
            ["dialogs"] = Files(Dialogs),
        };

    private static Dictionary<string, byte[]> Files((string Path, string Text)[] files) =>
        files.ToDictionary(f => f.Path, f => Encoding.UTF8.GetBytes(f.Text), StringComparer.Ordinal);

    private static readonly (string, string)[] Todo =
    [
        ("app.json", """{"pages": ["pages/todo/todo"], "window": {"navigationBarTitleText": "To-do"}}"""),
        ("app.js", "App({})"),
        ("app.wxss", "page { background: #fafafa; }"),
        ("pages/todo/todo.wxml", """
            <view class="page">
              <input id="draft" value="{{draft}}" placeholder="What needs doing?" bindinput="onDraft" bindconfirm="onAdd"/>
              <button id="add" type="primary" size="mini" disabled="{{!draft.length}}" bindtap="onAdd">Add</button>
              <view wx:if="{{todos.length === 0}}" id="empty">Nothing to do</view>
              <view wx:for="{{todos}}" wx:for-item="todo" wx:key="id" class="todo {{todo.done ? 'done' : ''}}"
                    data-id="{{todo.id}}" bindtap="onToggle">
                <text>{{index + 1}}. {{todo.title}}</text>
                <text class="remove" catchtap="onRemove" data-id="{{todo.id}}">remove</text>
              </view>
              <view id="left">{{left}} left</view>
            </view>
            """),
        ("pages/todo/todo.wxss", ".todo { padding: 20rpx; } .done { text-decoration: line-through; }"),
        ("pages/todo/todo.js", """
            let nextId = 1;
            Page({
              data: { draft: '', todos: [], left: 0 },
              onDraft(e) { this.setData({ draft: e.detail.value }); },
              onAdd() {
                const title = this.data.draft.trim();
                if (!title) return;
                const todos = [...this.data.todos, { id: nextId++, title, done: false }];
                this.setData({ todos, draft: '', left: todos.filter(t => !t.done).length });
              },
              onToggle(e) {
                const index = this.data.todos.findIndex(t => t.id === e.currentTarget.dataset.id);
                this.setData({ [`todos[${index}].done`]: !this.data.todos[index].done }, () => {
                  this.setData({ left: this.data.todos.filter(t => !t.done).length });
                });
              },
              onRemove(e) {
                const todos = this.data.todos.filter(t => t.id !== e.currentTarget.dataset.id);
                this.setData({ todos, left: todos.filter(t => !t.done).length });
              },
            });
            """),
    ];

    private static readonly (string, string)[] Calculator =
    [
        ("app.json", """{"pages": ["pages/calc/calc"]}"""),
        ("app.js", "App({})"),
        ("utils/fmt.wxs", "module.exports = { show: function (v) { return v === '' ? '0' : v; } };"),
        ("utils/calc.js", """
            function apply(a, op, b) {
              switch (op) { case '+': return a + b; case '-': return a - b; case '×': return a * b; case '÷': return b === 0 ? NaN : a / b; }
              return b;
            }
            module.exports = { apply };
            """),
        ("pages/calc/calc.wxml", """
            <wxs module="fmt" src="../../utils/fmt.wxs"/>
            <view id="display" class="display">{{fmt.show(display)}}</view>
            <view class="keys">
              <button wx:for="{{keys}}" wx:key="*this" class="key" data-key="{{item}}" bindtap="press">{{item}}</button>
            </view>
            """),
        ("pages/calc/calc.js", """
            const { apply } = require('../../utils/calc');
            Page({
              data: { display: '', keys: ['7', '8', '9', '÷', '4', '5', '6', '×', '1', '2', '3', '-', 'C', '0', '=', '+'] },
              acc: null, op: null, fresh: true,
              press(e) {
                const key = e.currentTarget.dataset.key;
                if (/[0-9]/.test(key)) {
                  this.setData({ display: this.fresh ? key : this.data.display + key });
                  this.fresh = false;
                } else if (key === 'C') {
                  this.acc = null; this.op = null; this.fresh = true;
                  this.setData({ display: '' });
                } else {
                  const value = Number(this.data.display || 0);
                  this.acc = this.op === null ? value : apply(this.acc, this.op, value);
                  this.op = key === '=' ? null : key;
                  this.fresh = true;
                  this.setData({ display: String(this.acc) });
                }
              },
            });
            """),
    ];

    private static readonly (string, string)[] Lab =
    [
        ("app.json", """
            {
              "pages": ["pages/home/home", "pages/other/other", "pages/detail/detail", "pages/list/list", "pages/security/security", "pages/comp/comp", "pages/form/form", "pages/net/net"],
              "window": {"navigationBarTitleText": "Lab"},
              "tabBar": {"list": [{"pagePath": "pages/home/home", "text": "Home"}, {"pagePath": "pages/other/other", "text": "Other"}]}
            }
            """),
        ("app.js", "App({ globalData: { log: [] }, onLaunch() { this.globalData.log.push('app:onLaunch'); } });"),
        ("utils/log.js", "export function log(entry) { getApp().globalData.log.push(entry); }\nexport default log;"),
        ("pages/home/home.json", """{"navigationBarTitleText": "Home"}"""),
        ("pages/home/home.wxml", """
            <view class="home">
              <text id="title">Home page</text>
              <button id="go" bindtap="go">Go to detail</button>
              <button id="show-log" bindtap="showLog">Show log</button>
              <view id="log">{{log}}</view>
              <button id="unsupported" bindtap="unsupported">Unsupported</button>
              <view id="unsupported-result">{{unsupported}}</view>
              <button id="deep" bindtap="deep">Deep</button>
              <view id="shows">shows {{shows}}</view>
              <view id="storage">{{greeting}}</view>
            </view>
            """),
        ("pages/home/home.js", """
            import log from '../../utils/log';
            Page({
              data: { log: '', unsupported: '', shows: 0, greeting: '' },
              onLoad() { log('home:onLoad'); this.setData({ greeting: wx.getStorageSync('greeting') }); },
              onShow() { log('home:onShow'); this.setData({ shows: this.data.shows + 1 }); },
              onReady() { log('home:onReady'); },
              onHide() { log('home:onHide'); },
              go() { wx.navigateTo({ url: '../detail/detail?n=1' }); },
              showLog() { this.setData({ log: getApp().globalData.log.join(',') }); },
              secret() { getApp().globalData.secret = 'home'; },
              unsupported() {
                wx.openBluetoothAdapter({
                  fail: (e) => this.setData({ unsupported: e.errMsg + '|' + wx.canIUse('openBluetoothAdapter') + '|' + wx.canIUse('navigateTo') }),
                });
              },
              async deep() {
                for (let n = 1; n <= 9; n++) await wx.navigateTo({ url: '/pages/detail/detail?n=' + n });
                try {
                  await wx.navigateTo({ url: '/pages/detail/detail?n=10' });
                  getApp().globalData.deep = 'no error';
                } catch (e) {
                  getApp().globalData.deep = e.errMsg;
                }
              },
            });
            """),
        ("pages/detail/detail.wxml", """
            <view>
              <text id="detail-title">Detail {{n}}</text>
              <button id="check" bindtap="check">Check</button>
              <view id="deep-result">{{deep}}</view>
            </view>
            """),
        ("pages/detail/detail.js", """
            import { log } from '../../utils/log.js';
            Page({
              data: { n: 0, deep: '' },
              onLoad(query) { if (query.n === '1') log('detail:onLoad'); this.setData({ n: Number(query.n) }); },
              onShow() { if (this.data.n === 1) log('detail:onShow'); },
              onReady() { if (this.data.n === 1) log('detail:onReady'); },
              onUnload() { if (this.data.n === 1) log('detail:onUnload'); },
              check() { this.setData({ deep: getApp().globalData.deep || 'pending' }); },
            });
            """),
        ("pages/other/other.wxml", """
            <view>
              <text id="other-title">Other tab</text>
              <button id="inc" bindtap="inc">Increment</button>
              <view id="counter">count {{count}}</view>
              <view id="loads">loads {{loads}}</view>
            </view>
            """),
        ("pages/other/other.js", """
            let loads = 0;
            Page({
              data: { count: 0, loads: 0 },
              onLoad() { loads++; this.setData({ loads }); },
              inc() { this.setData({ count: this.data.count + 1 }); },
            });
            """),
        ("pages/list/list.wxml", """
            <view>
              <button id="reverse" bindtap="reverse">Reverse</button>
              <button id="rename" bindtap="rename">Rename</button>
              <button id="big" bindtap="big">Big</button>
              <view id="status">{{status}}</view>
              <view id="big-length">big {{big.length || 0}}</view>
              <view class="row" wx:for="{{items}}" wx:key="id" id="row-{{item.id}}">{{item.title}}</view>
            </view>
            """),
        ("pages/list/list.js", """
            Page({
              data: { items: Array.from({ length: 1000 }, (_, i) => ({ id: i, title: 'Item ' + i })), status: '', big: '' },
              reverse() {
                const started = Date.now();
                this.setData({ items: this.data.items.slice().reverse() }, () => this.setData({ status: 'reversed in ' + (Date.now() - started) + ' ms' }));
              },
              rename() { this.setData({ 'items[500].title': 'Renamed' }); },
              big() {
                this.setData({ big: 'x'.repeat(1100000) }, () => this.setData({ status: 'big callback called' }));
                this.setData({ status: 'still works' });
              },
            });
            """),
        ("pages/security/security.wxml", """
            <view>
              <button id="probe" bindtap="probe">Probe</button>
              <view wx:for="{{results}}" wx:key="name" class="result">{{item.name}}={{item.outcome}}</view>
              <button id="check-secret" bindtap="checkSecret">Check secret</button>
              <view id="secret">{{secret}}</view>
            </view>
            """),
        ("pages/security/security.js", """
            Page({
              data: { results: [], secret: '' },
              async probe() {
                const results = [];
                const attempt = async (name, fn) => {
                  try {
                    const value = await fn();
                    results.push({ name, outcome: 'allowed ' + String(value) });
                  } catch (e) {
                    results.push({ name, outcome: 'refused ' + (e && e.name ? e.name : String(e)) });
                  }
                };
                await attempt('localStorage', () => localStorage.getItem('host-marker'));
                await attempt('localStorageWrite', () => localStorage.setItem('host-marker', 'changed'));
                await attempt('cookie', () => document.cookie);
                await attempt('parentDocument', () => parent.document.title);
                await attempt('topLocation', () => top.location.href);
                await attempt('fetchSelf', () => fetch('/mp/runtime/host.js').then(r => r.status));
                await attempt('fetchOther', () => fetch('https://example.org/').then(r => r.status));
                await attempt('eval', () => eval('1'));
                await attempt('Function', () => new Function('return 1')());
                await attempt('windowOpen', () => window.open('https://example.org/'));
                await attempt('importScripts', () => importScripts('https://example.org/x.js'));
                await attempt('webSocket', () => new Promise((resolve, reject) => {
                  const socket = new WebSocket('wss://example.org/');
                  socket.onopen = () => resolve('open');
                  socket.onerror = () => reject(new Error('blocked'));
                }));
                this.setData({ results });
              },
              checkSecret() { this.setData({ secret: getApp().globalData.secret || 'none' }); },
            });
            """),
        ("pages/form/form.wxml", """
            <form bindsubmit="onSubmit">
              <input name="who" value="Lin" aria-label="Who"/>
              <switch name="agree" checked="{{true}}" aria-label="Agree"/>
              <checkbox-group name="fruit">
                <label><checkbox value="apple" checked="{{true}}"/>Apple</label>
                <label><checkbox value="pear"/>Pear</label>
              </checkbox-group>
              <picker name="size" mode="selector" range="{{sizes}}" value="1"><view>Size</view></picker>
              <button id="submit" form-type="submit">Submit</button>
            </form>
            <view id="submitted">{{submitted}}</view>
            <view id="box" style="width: 375rpx; height: 50px">box</view>
            <button id="measure" bindtap="measure">Measure</button>
            <view id="measured">{{measured}}</view>
            """),
        ("pages/form/form.js", """
            Page({
              data: { sizes: ['S', 'M', 'L'], submitted: '', measured: '' },
              onSubmit(e) { this.setData({ submitted: JSON.stringify(e.detail.value) }); },
              measure() {
                wx.createSelectorQuery().select('#box').boundingClientRect().exec(([rect]) => {
                  this.setData({ measured: Math.round(rect.width) + 'x' + Math.round(rect.height) });
                });
              },
            });
            """),
        ("pages/net/net.wxml", """
            <button id="burst" bindtap="burst">Fifteen requests</button>
            <view id="answered">{{answered}}</view>
            """),
        ("pages/net/net.js", """
            Page({
              data: { answered: 'answered 0' },
              burst() {
                let answered = 0;
                for (let i = 0; i < 15; i++) {
                  wx.request({ url: 'https://api.example.com/' + i, success: () => this.setData({ answered: 'answered ' + ++answered }) });
                }
              },
            });
            """),
        ("components/card/card.json", """{"component": true}"""),
        ("components/card/card.wxml", """
            <view class="card">
              <view class="head"><slot name="head"></slot></view>
              <text class="title">{{title}}</text>
              <text class="count">count {{count}}</text>
              <view class="body"><slot></slot></view>
              <button class="bump" bindtap="bump">Bump</button>
              <text class="seen">{{seen}}</text>
              <text class="lifetimes">{{lifetimes}}</text>
            </view>
            """),
        ("components/card/card.wxss", ".title { color: rgb(255, 0, 0); }"),
        ("components/card/card.js", """
            Component({
              options: { multipleSlots: true },
              properties: {
                title: { type: String, value: 'untitled' },
                count: { type: Number, value: 0, observer(now, before) { this.setData({ seen: 'count ' + before + '->' + now }); } },
              },
              data: { seen: '', lifetimes: '' },
              lifetimes: {
                created() { this.log = ['created']; },
                attached() { this.log.push('attached'); },
                ready() { this.log.push('ready'); this.setData({ lifetimes: this.log.join(',') }); },
              },
              methods: {
                bump() { this.triggerEvent('bump', { count: this.data.count + 1 }); },
              },
            });
            """),
        ("pages/comp/comp.json", """{"usingComponents": {"card": "/components/card/card"}}"""),
        ("pages/comp/comp.wxss", ".title { color: rgb(0, 0, 255); }"),
        ("pages/comp/comp.wxml", """
            <card id="card" title="{{title}}" count="{{count}}" bind:bump="onBump">
              <text slot="head" id="head-slot">Head slot</text>
              <text id="body-slot">Body {{count}}</text>
            </card>
            <text class="title" id="page-title">Page title</text>
            """),
        ("pages/comp/comp.js", """
            Page({
              data: { title: 'My card', count: 0 },
              onBump(e) { this.setData({ count: e.detail.count }); },
            });
            """),
    ];

    private static readonly (string, string)[] Dialogs =
    [
        ("app.json", """{"pages": ["pages/ask/ask"], "window": {"navigationBarTitleText": "Dialogs"}}"""),
        ("app.js", "App({})"),
        ("pages/ask/ask.wxml", """
            <view class="page">
              <button id="modal" bindtap="onModal">Ask</button>
              <button id="modal-own" bindtap="onModalOwn">Ask in its own words</button>
              <button id="edit" bindtap="onEdit">Ask for a name</button>
              <button id="sheet" bindtap="onSheet">Choose</button>
              <view id="answer">{{answer}}</view>
            </view>
            """),
        ("pages/ask/ask.js", """
            Page({
              data: { answer: '' },
              onModal() {
                wx.showModal({ title: 'Delete the note?', content: 'It cannot be undone.',
                  success: (res) => this.setData({ answer: res.confirm ? 'confirm' : res.cancel ? 'cancel' : '?' }) });
              },
              onModalOwn() {
                wx.showModal({ title: 'Keep going?', cancelText: 'Stop', confirmText: 'Go on' })
                  .then((res) => this.setData({ answer: res.confirm ? 'go on' : 'stop' }));
              },
              onEdit() {
                wx.showModal({ title: 'Your name', editable: true, placeholderText: 'Name' })
                  .then((res) => this.setData({ answer: (res.confirm ? 'named ' : 'unnamed ') + res.content }));
              },
              onSheet() {
                wx.showActionSheet({ itemList: ['Red', 'Green', 'Blue'],
                  success: (res) => this.setData({ answer: 'item ' + res.tapIndex }),
                  fail: (e) => this.setData({ answer: e.errMsg }) });
              },
            });
            """),
    ];
}
