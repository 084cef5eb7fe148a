const config = require('../../utils/config');
const lobbyApi = require('../../utils/lobby');
const wxAdapter = require('../../utils/wx-adapter');

const RULES = [
  { value: 'classic', label: 'Classic: the turn always passes' },
  { value: 'flags', label: 'Flags: gold keeps the turn, majority wins' },
];
const NICKNAME_KEY = 'goldminer.nickname';

function storedNickname() {
  try {
    const saved = wx.getStorageSync(NICKNAME_KEY);
    if (typeof saved === 'string' && saved.trim()) return saved;
  } catch (e) {
    // Storage can be unavailable (private mode, quota): a fresh name will do.
  }
  return 'Miner' + Math.floor(100 + Math.random() * 900);
}

Component({
  data: {
    nickname: '',
    rooms: [],
    loaded: false,
    loading: false,
    error: '',
    showCreate: false,
    creating: false,
    form: { name: '', rows: '9', cols: '9', gold: '10' },
    rulesOptions: RULES.map((r) => r.label),
    rulesIndex: 0,
    formErrors: {},
  },

  methods: {
    onLoad() {
      this.lobby = lobbyApi.createLobby({ baseUrl: config.current().http, request: wxAdapter.requester(wx) });
      this.refreshTimer = null;
      this.visible = false;
      this.setData({ nickname: storedNickname() });
    },

    onShow() {
      this.visible = true;
      return this.refresh();
    },

    onHide() {
      this.visible = false;
      this.stopAutoRefresh();
    },

    onUnload() {
      this.visible = false;
      this.unloaded = true;
      this.stopAutoRefresh();
    },

    onPullDownRefresh() {
      return this.refresh().then(() => wx.stopPullDownRefresh());
    },

    /** Loads the room list; while the page is shown, the next load follows a few seconds later. */
    refresh() {
      if (this.inFlight) return this.inFlight;
      this.stopAutoRefresh();
      this.setData({ loading: true });
      this.inFlight = this.lobby.listRooms().then(
        (rooms) => {
          if (!this.unloaded) this.setData({ rooms: rooms.map(lobbyApi.describeRoom), loaded: true, loading: false, error: '' });
        },
        (err) => {
          if (!this.unloaded) this.setData({ loading: false, error: err.network ? 'Cannot reach the GoldMiner server. Check your connection and try again.' : err.message });
        },
      ).then(() => {
        this.inFlight = null;
        this.scheduleAutoRefresh();
      });
      return this.inFlight;
    },

    scheduleAutoRefresh() {
      if (!this.visible || this.unloaded) return;
      this.refreshTimer = setTimeout(() => {
        this.refreshTimer = null;
        this.refresh();
      }, config.lobby.refreshMs);
    },

    stopAutoRefresh() {
      if (this.refreshTimer !== null && this.refreshTimer !== undefined) clearTimeout(this.refreshTimer);
      this.refreshTimer = null;
    },

    onRetry() {
      return this.refresh();
    },

    onNicknameInput(e) {
      const nickname = e.detail.value;
      this.setData({ nickname });
      try {
        wx.setStorageSync(NICKNAME_KEY, nickname);
      } catch (err) {
        // Not remembering the nickname is harmless.
      }
    },

    onToggleCreate() {
      this.setData({ showCreate: !this.data.showCreate, formErrors: {} });
    },

    onFormInput(e) {
      const field = e.currentTarget.dataset.field;
      this.setData({ ['form.' + field]: e.detail.value, ['formErrors.' + field]: '' });
    },

    onRulesChange(e) {
      this.setData({ rulesIndex: Number(e.detail.value) });
    },

    onCreate() {
      if (this.data.creating) return null;
      const form = Object.assign({}, this.data.form, { rules: RULES[this.data.rulesIndex].value });
      const checked = lobbyApi.validateRoomOptions(form);
      if (!checked.ok) {
        this.setData({ formErrors: checked.errors });
        wx.showToast({ title: checked.errors[Object.keys(checked.errors)[0]], icon: 'none' });
        return null;
      }
      this.setData({ creating: true, formErrors: {} });
      return this.lobby.createRoom(checked.value).then(
        (room) => {
          this.setData({ creating: false, showCreate: false });
          this.openGame(room.id, false);
        },
        (err) => {
          this.setData({ creating: false });
          if (err.field) this.setData({ ['formErrors.' + err.field]: err.message });
          wx.showToast({ title: err.message, icon: 'none', duration: 3000 });
        },
      );
    },

    onTapRoom(e) {
      const id = String(e.currentTarget.dataset.id);
      const room = this.data.rooms.find((r) => r.id === id);
      if (room) this.openGame(room.id, room.action !== 'play');
    },

    openGame(roomId, spectate) {
      const name = (this.data.nickname || '').trim() || 'Player';
      let url = '/pages/game/game?room=' + encodeURIComponent(roomId) + '&name=' + encodeURIComponent(name);
      if (spectate) url += '&spectate=1';
      wx.navigateTo({ url });
    },
  },
});
