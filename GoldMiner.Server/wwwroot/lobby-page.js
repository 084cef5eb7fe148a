/*
 * The lobby: the room list (refreshed every few seconds while the tab is visible), the nickname,
 * and the create-room form. Requests, validation and room descriptions are utils/lobby.js.
 */
(function () {
  'use strict';

  const web = globalThis.GoldMinerWeb;
  const { lobby: lobbyApi, webAdapter, config } = web.utils;
  const $ = (id) => document.getElementById(id);

  const lobby = lobbyApi.createLobby({ baseUrl: config.current().http, request: webAdapter.requester(fetch.bind(window)) });
  const form = $('create-form');
  const list = $('room-list');
  const rows = new Map();
  let refreshTimer = null;
  let inFlight = null;

  const nicknameInput = $('nickname');
  nicknameInput.value = web.nickname();
  nicknameInput.addEventListener('change', () => {
    nicknameInput.value = web.setNickname(nicknameInput.value);
  });

  function currentName() {
    return web.setNickname(nicknameInput.value);
  }

  function open(roomId, watch) {
    currentName();
    location.href = web.gameUrl(roomId, watch);
  }

  // ---- the room list ----

  function roomRow(id) {
    const name = web.el('h3', { class: 'room-name' });
    const status = web.el('span', { class: 'badge' });
    const meta = web.el('p', { class: 'room-meta muted small' });
    const players = web.el('p', { class: 'room-players' });
    const play = web.el('button', { class: 'btn primary small', type: 'button', 'data-action': 'play', onclick: () => open(id, false) }, ['Play']);
    const watch = web.el('button', { class: 'btn small', type: 'button', 'data-action': 'watch', onclick: () => open(id, true) }, ['Watch']);
    const li = web.el('li', { class: 'room', 'data-room-id': id }, [
      web.el('div', { class: 'room-info' }, [web.el('div', { class: 'room-title' }, [name, status]), meta, players]),
      web.el('div', { class: 'room-actions' }, [play, watch]),
    ]);
    return { li, name, status, meta, players, play, watch };
  }

  function updateRow(row, room) {
    const d = lobbyApi.describeRoom(room);
    web.setText(row.name, d.name);
    web.setText(row.status, d.statusLabel);
    row.status.className = 'badge badge-' + d.status;
    const watching = d.spectators ? ' · ' + d.spectators + ' watching' : '';
    web.setText(row.meta, d.size + ' · ' + d.gold + ' gold · ' + d.rules + watching);
    web.setText(row.players, d.players + (d.scores ? '  (' + d.scores + ')' : ''));
    row.play.hidden = d.action !== 'play';
    row.play.setAttribute('aria-label', 'Play in ' + d.name);
    row.watch.setAttribute('aria-label', 'Watch ' + d.name);
    row.watch.className = d.action === 'play' ? 'btn small' : 'btn primary small';
    row.li.dataset.status = d.status;
  }

  /** Updates the list in place, keyed by room id, so a keyboard user's focus survives a refresh. */
  function showRooms(rooms) {
    const seen = new Set();
    rooms.forEach((room, index) => {
      const id = String(room.id);
      seen.add(id);
      let row = rows.get(id);
      if (!row) {
        row = roomRow(id);
        rows.set(id, row);
      }
      updateRow(row, room);
      if (list.children[index] !== row.li) list.insertBefore(row.li, list.children[index] || null);
    });
    rows.forEach((row, id) => {
      if (!seen.has(id)) {
        row.li.remove();
        rows.delete(id);
      }
    });
    $('rooms-empty').hidden = rooms.length > 0;
    const waiting = rooms.filter((r) => r.status === 'waiting').length;
    web.setText($('rooms-status'), rooms.length + (rooms.length === 1 ? ' room' : ' rooms') + (waiting ? ', ' + waiting + ' waiting for a player' : ''));
  }

  function showError(message) {
    $('lobby-error').hidden = !message;
    web.setText($('lobby-error-text'), message || '');
  }

  function refresh() {
    if (inFlight) return inFlight;
    stopTimer();
    inFlight = lobby.listRooms().then(
      (rooms) => {
        showError('');
        showRooms(rooms);
      },
      (err) => showError(err.network ? 'Cannot reach the GoldMiner server. Is it running?' : err.message),
    ).then(() => {
      inFlight = null;
      if (!document.hidden) refreshTimer = setTimeout(refresh, config.lobby.refreshMs);
    });
    return inFlight;
  }

  function stopTimer() {
    if (refreshTimer !== null) clearTimeout(refreshTimer);
    refreshTimer = null;
  }

  // A hidden tab does not poll; it catches up the moment it is shown again.
  document.addEventListener('visibilitychange', () => {
    if (document.hidden) stopTimer();
    else refresh();
  });
  $('refresh').addEventListener('click', refresh);
  $('retry').addEventListener('click', refresh);

  // ---- the create-room form ----

  const FIELDS = ['name', 'rows', 'cols', 'gold', 'rules'];

  function showFieldErrors(errors) {
    FIELDS.forEach((field) => {
      web.setText($('err-' + field), errors[field] || '');
      const input = field === 'rules' ? null : form.elements[field];
      if (input) input.setAttribute('aria-invalid', errors[field] ? 'true' : 'false');
    });
    const first = FIELDS.find((f) => errors[f]);
    if (first && first !== 'rules') form.elements[first].focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = {
      name: form.elements.name.value,
      rows: form.elements.rows.value,
      cols: form.elements.cols.value,
      gold: form.elements.gold.value,
      rules: form.elements.rules.value,
    };
    web.setText($('create-error'), '');
    const checked = lobbyApi.validateRoomOptions(values);
    showFieldErrors(checked.errors);
    if (!checked.ok) return;
    const button = $('create-button');
    button.disabled = true;
    lobby.createRoom(checked.value).then(
      (room) => open(room.id, false),
      (err) => {
        button.disabled = false;
        if (err.field && FIELDS.includes(err.field)) showFieldErrors({ [err.field]: err.message });
        else web.setText($('create-error'), err.message);
      },
    );
  });

  form.addEventListener('input', (event) => {
    const field = event.target.name;
    if (FIELDS.includes(field)) {
      web.setText($('err-' + field), '');
      if (field !== 'rules') event.target.removeAttribute('aria-invalid');
    }
  });

  refresh();
})();
