/*
 * What both pages of the browser client share: the server address (this page's own origin), the
 * nickname, and the seat tokens. Everything about the game itself comes from the mini-program's
 * utils/, served at /shared/ and registered on globalThis.GoldMinerUtils.
 */
(function () {
  'use strict';

  const utils = globalThis.GoldMinerUtils;
  const NICKNAME_KEY = 'goldminer.nickname';
  const SEAT_PREFIX = 'goldminer.seat.';

  utils.config.use({
    http: location.origin,
    ws: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws',
  });

  // Storage can throw (privacy modes, quota): the game still works, it only forgets.
  function read(storage, key) {
    try {
      return storage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  function write(storage, key, value) {
    try {
      if (value === null) storage.removeItem(key);
      else storage.setItem(key, value);
    } catch (e) {
      // See read().
    }
  }

  /**
   * This tab's nickname. sessionStorage keeps two tabs of one browser apart (two players on one
   * machine); localStorage only offers the last name typed as the default for a new tab.
   */
  function nickname() {
    const saved = read(sessionStorage, NICKNAME_KEY) || read(localStorage, NICKNAME_KEY);
    if (saved && saved.trim()) return saved.trim();
    const fresh = 'Miner' + Math.floor(100 + Math.random() * 900);
    setNickname(fresh);
    return fresh;
  }

  function setNickname(name) {
    const clean = utils.protocol.cleanName(name);
    write(sessionStorage, NICKNAME_KEY, clean);
    write(localStorage, NICKNAME_KEY, clean);
    return clean;
  }

  /** The seat token of a room, per tab: a reload takes the seat back, another tab does not. */
  const seatToken = {
    get: (room) => read(sessionStorage, SEAT_PREFIX + room),
    set: (room, token) => write(sessionStorage, SEAT_PREFIX + room, token),
    clear: (room) => write(sessionStorage, SEAT_PREFIX + room, null),
  };

  function gameUrl(room, watch) {
    return '/game.html?room=' + encodeURIComponent(room) + (watch ? '&watch=1' : '');
  }

  /** A small element builder: el('p', { class: 'x', text: 'hi' }, [children]). */
  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.keys(props || {}).forEach((key) => {
      const value = props[key];
      if (value === null || value === undefined || value === false) return;
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : value);
    });
    (children || []).forEach((child) => node.append(child));
    return node;
  }

  /** Sets a text only when it changed, so screen readers and layout are not disturbed needlessly. */
  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  globalThis.GoldMinerWeb = { utils, nickname, setNickname, seatToken, gameUrl, el, setText };
})();
