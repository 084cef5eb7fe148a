const config = require('../../utils/config');
const gameClient = require('../../utils/game-client');
const gameView = require('../../utils/game-view');
const wxAdapter = require('../../utils/wx-adapter');

/** Query values may arrive still URI-encoded depending on the base library: decode once, safely. */
function queryValue(value) {
  if (value === undefined || value === null) return '';
  try {
    return decodeURIComponent(String(value));
  } catch (e) {
    return String(value);
  }
}

Component({
  data: gameView.gameView({ phase: 'connecting', seat: null, game: null, pendingDig: null, connection: { status: 'idle' } }),

  methods: {
    onLoad(query) {
      const q = query || {};
      this.hidden = false;
      this.client = gameClient.createGameClient({
        url: config.current().ws,
        connect: wxAdapter.socketConnector(wx),
        room: queryValue(q.room),
        name: queryValue(q.name),
        spectate: q.spectate === '1' || q.spectate === 'true',
        socket: config.socket,
      });
      this.offs = [
        this.client.on('change', (snap) => this.render(snap)),
        this.client.on('notice', (n) => wx.showToast({ title: n.text, icon: 'none' })),
      ];
      this.client.start();
      this.render(this.client.snapshot());
    },

    onShow() {
      if (this.hidden && this.client) this.client.resume();
      this.hidden = false;
    },

    onHide() {
      this.hidden = true;
      if (this.client) this.client.pause();
    },

    onUnload() {
      this.setUnloadGuard(false);
      if (!this.client) return;
      // Leaving this page is leaving the room: the back button asked to confirm (see render).
      if (this.data.canLeave) this.client.leave();
      this.offs.forEach((off) => off());
      this.offs = [];
      this.client.close();
      this.client = null;
    },

    render(snap) {
      const view = gameView.gameView(snap);
      this.setData(view);
      this.setUnloadGuard(view.forfeitOnLeave);
    },

    /** Asks before the back button forfeits a game in progress (base library 2.12+). */
    setUnloadGuard(on) {
      if (this.guarded === on) return;
      this.guarded = on;
      if (on && typeof wx.enableAlertBeforeUnload === 'function') {
        wx.enableAlertBeforeUnload({ message: 'Leaving now forfeits the game.' });
      } else if (!on && typeof wx.disableAlertBeforeUnload === 'function') {
        wx.disableAlertBeforeUnload();
      }
    },

    onTapCell(e) {
      if (!this.client) return;
      const { row, col } = e.currentTarget.dataset;
      this.client.dig(Number(row), Number(col));
    },

    onRetry() {
      if (this.client) this.client.retry();
    },

    onLeave() {
      if (!this.data.canLeave) {
        this.backToLobby();
        return;
      }
      if (this.data.forfeitOnLeave) {
        wx.showModal({
          title: 'Leave the game?',
          content: 'Leaving now forfeits the game: your opponent wins.',
          confirmText: 'Forfeit',
          cancelText: 'Stay',
          success: (res) => {
            if (res.confirm) this.leaveAndGoBack();
          },
        });
        return;
      }
      this.leaveAndGoBack();
    },

    leaveAndGoBack() {
      if (this.client) this.client.leave();
      this.setData({ canLeave: false });
      this.backToLobby();
    },

    backToLobby() {
      this.setUnloadGuard(false);
      const pages = typeof getCurrentPages === 'function' ? getCurrentPages() : [];
      if (pages.length > 1) wx.navigateBack({ delta: 1 });
      else wx.reLaunch({ url: '/pages/home/home' });
    },
  },
});
