// The luahost console: a token sign-in, then three pages (sessions, a session, host) chosen by the URL's
// hash. Every request carries the token as 'Authorization: Bearer'; live updates come from the server-sent
// events of /console/api/stream, read with fetch (EventSource cannot send the token).
'use strict';
const $ = sel => document.querySelector(sel);
const state = { token: sessionStorage.getItem('luahost-token') || '', admin: false, rows: [], sort: 'id', desc: false,
  samples: [], stream: null };

function headers(extra) {
  const h = Object.assign({}, extra || {});
  if (state.token) h.Authorization = 'Bearer ' + state.token;
  return h;
}

async function api(path, options) {
  const o = Object.assign({}, options || {});
  o.headers = headers(o.headers);
  const r = await fetch('/console/api/' + path, o);
  const body = await r.json().catch(() => ({}));
  if (!r.ok) { const e = new Error(body.error || r.statusText); e.status = r.status; e.body = body; throw e; }
  return body;
}

async function signIn(token, quiet) {
  state.token = token;
  try {
    const me = await api('whoami');
    sessionStorage.setItem('luahost-token', token);
    state.admin = me.admin;
    $('#who').textContent = (me.name || 'anonymous') + (me.admin ? ' (admin)' : '');
    $('#login').hidden = true; $('#app').hidden = false; $('#nav').hidden = false;
    startStream();
    route();
  } catch (e) {
    if (!quiet) $('#login-error').textContent = e.status === 401 ? 'wrong or missing token' : 'cannot sign in: ' + e.message;
  }
}

// ---- live updates
async function startStream() {
  if (state.stream) return;
  state.stream = true;
  for (;;) {
    try {
      const r = await fetch('/console/api/stream', { headers: headers() });
      if (!r.ok) throw new Error(r.statusText);
      $('#live').classList.add('on');
      const reader = r.body.getReader(), dec = new TextDecoder();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += dec.decode(value, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const ev = buf.slice(0, i); buf = buf.slice(i + 2);
          for (const line of ev.split('\n')) if (line.startsWith('data: ')) onEvent(JSON.parse(line.slice(6)));
        }
      }
    } catch (e) { /* reconnect below */ }
    $('#live').classList.remove('on');
    await new Promise(res => setTimeout(res, 2000));
  }
}

function onEvent(ev) {
  state.rows = ev.sessions;
  if (ev.host && ev.host.t) {
    state.samples.push(ev.host);
    if (state.samples.length > 300) state.samples.shift();
  }
  const page = currentPage();
  if (page === 'sessions') renderSessions();
  else if (page === 'host') renderCharts();
}

// ---- pages
function currentPage() {
  const h = location.hash || '#/sessions';
  return h.startsWith('#/session/') ? 'session' : h === '#/host' ? 'host' : 'sessions';
}

function route() {
  if ($('#app').hidden) return;
  const page = currentPage();
  for (const p of document.querySelectorAll('.page')) p.hidden = p.id !== 'page-' + page;
  $('#nav-sessions').classList.toggle('active', page !== 'host');
  $('#nav-host').classList.toggle('active', page === 'host');
  if (page === 'sessions') api('sessions').then(rows => { state.rows = rows; renderSessions(); }).catch(showError);
  else if (page === 'host') api('host').then(s => { state.samples = s; renderCharts(); }).catch(showError);
  else openSession(decodeURIComponent(location.hash.slice('#/session/'.length)));
}

function showError(e) { console.error(e); }

const fmt = {
  turnsPerSec: v => v === undefined ? '' : v.toFixed(1),
  cpuMillis: v => v === undefined ? '' : v.toFixed(1),
  memoryEstimate: v => v === undefined ? '' : v >= 1048576 ? (v / 1048576).toFixed(1) + ' MB' : (v / 1024).toFixed(1) + ' kB',
  lastSave: v => v ? new Date(v).toLocaleTimeString() : '',
};

function renderSessions() {
  const text = $('#filter').value.trim().toLowerCase(), st = $('#state-filter').value;
  const rows = state.rows.filter(r => (!text || r.id.toLowerCase().includes(text)) && (!st || r.state === st));
  const k = state.sort, sign = state.desc ? -1 : 1;
  rows.sort((a, b) => {
    const x = a[k], y = b[k];
    if (x === y) return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    return (x < y ? -1 : 1) * sign;
  });
  const body = $('#sessions tbody');
  body.replaceChildren(...rows.map(r => {
    const tr = document.createElement('tr');
    tr.dataset.id = r.id;
    const cells = ['id', 'state', 'turnsPerSec', 'handled', 'errors', 'cpuMillis', 'memoryEstimate', 'mailbox', 'lastSave'];
    for (const c of cells) {
      const td = document.createElement('td');
      if (c === 'id') {
        const a = document.createElement('a'); a.href = '#/session/' + encodeURIComponent(r.id); a.textContent = r.id;
        td.append(a);
      } else {
        td.textContent = fmt[c] ? fmt[c](r[c]) : r[c] === undefined ? '' : String(r[c]);
      }
      if (c === 'state') td.className = 'state-' + r.state;
      else if (c !== 'lastSave' && c !== 'id') td.classList.add('num');
      tr.append(td);
    }
    return tr;
  }));
  $('#count').textContent = rows.length + ' of ' + state.rows.length + ' sessions';
  for (const th of document.querySelectorAll('#sessions th')) {
    th.classList.toggle('sorted-asc', th.dataset.key === k && !state.desc);
    th.classList.toggle('sorted-desc', th.dataset.key === k && state.desc);
  }
}

async function openSession(id) {
  $('#session-id').textContent = id;
  $('#eval').hidden = !state.admin;
  $('#eval-out').textContent = '';
  $('#globals').textContent = 'loading...';
  await loadDetails(id);
  loadGlobals(id, null);
}

// the figures, recent errors and snapshots of session id
async function loadDetails(id) {
  try {
    const s = await api('sessions/' + encodeURIComponent(id));
    $('#session-state').textContent = s.state;
    const figs = [['turns', s.handled], ['errors', s.errors], ['CPU ms', fmt.cpuMillis(s.cpuMillis)],
      ['memory', fmt.memoryEstimate(s.memoryEstimate)], ['mailbox', s.mailbox], ['last save', fmt.lastSave(s.lastSave)]];
    $('#session-figures').replaceChildren(...figs.filter(f => f[1] !== undefined && f[1] !== '').map(([n, v]) => {
      const d = document.createElement('div'); d.textContent = n; const b = document.createElement('b'); b.textContent = String(v);
      d.prepend(b); return d;
    }));
    $('#history tbody').replaceChildren(...s.history.map(h => {
      const tr = document.createElement('tr');
      tr.innerHTML = '<td class="num"></td><td></td><td class="num"></td>';
      tr.children[0].textContent = h.seq; tr.children[1].textContent = new Date(h.savedAt).toLocaleString();
      tr.children[2].textContent = h.size; tr.title = 'show the globals of this snapshot';
      tr.style.cursor = 'pointer';
      tr.onclick = () => loadGlobals(id, h.seq);
      return tr;
    }));
    $('#errors').replaceChildren(...(s.recentErrors.length ? s.recentErrors.map(errorItem) : [text('p', 'none', 'hint')]));
  } catch (e) {
    $('#session-state').textContent = e.message;
  }
}

function text(tag, t, cls) { const e = document.createElement(tag); e.textContent = t; if (cls) e.className = cls; return e; }

function errorItem(e) {
  const d = document.createElement('div'); d.className = 'errors-item';
  d.append(text('div', new Date(e.time).toLocaleTimeString() + ' - ' + e.handler + ' (' + e.kind + ')', 'hint'));
  d.append(text('div', e.message, 'err'));
  if (e.traceback) d.append(text('pre', e.traceback, 'traceback'));
  return d;
}

async function loadGlobals(id, seq) {
  try {
    const g = await api('sessions/' + encodeURIComponent(id) + '/globals' + (seq ? '?seq=' + seq : ''));
    $('#globals-source').textContent = '(' + g.source + ')';
    const entries = g.tree.entries;
    $('#globals').replaceChildren(...(entries.length ? entries.map(e => entry(e.key, e.value)) : [text('span', 'no globals of its own', 'hint')]));
  } catch (e) {
    $('#globals').textContent = e.message;
  }
}

// one key = value of the globals tree; a table's entries are built when it is first opened
function entry(key, value) {
  const k = key.type === 'string' ? key.value : '[' + scalar(key).textContent + ']';
  if (value.type !== 'table') {
    const d = document.createElement('div'); d.className = 'leaf';
    d.append(text('span', k, 'k'), ' = ', scalar(value));
    return d;
  }
  const det = document.createElement('details');
  det.dataset.key = k;
  const sum = document.createElement('summary');
  const n = value.entries ? value.entries.length + (value.more || 0) : '?';
  sum.append(text('span', k, 'k'), ' = ', text('span', value.truncated ? 'table (deeper than shown)' : 'table (' + n + ' entries)', 'f'));
  det.append(sum);
  det.addEventListener('toggle', () => {
    if (!det.open || det.dataset.built) return;
    det.dataset.built = '1';
    for (const e of value.entries || []) det.append(entry(e.key, e.value));
    if (value.more) det.append(text('div', '... ' + value.more + ' more entries', 'leaf hint'));
    if (value.metatable) det.append(entry({ type: 'string', value: '<metatable>' }, value.metatable));
  });
  return det;
}

function scalar(v) {
  switch (v.type) {
    case 'string': return text('span', JSON.stringify(v.value), 's');
    case 'number': return text('span', String(v.value), 'n');
    case 'boolean': return text('span', String(v.value), 'b');
    case 'ref': return text('span', '\u2192 ' + v.path, 'ref');
    case 'function': return text('span', v.builtin ? 'function (built in)' : 'function', 'f');
    case 'table': return text('span', 'table', 'f');
    default: return text('span', v.type, 'f');
  }
}

async function runEval() {
  const id = $('#session-id').textContent, out = $('#eval-out');
  out.className = ''; out.textContent = 'running...';
  try {
    const r = await fetch('/console/api/sessions/' + encodeURIComponent(id) + '/eval',
      { method: 'POST', headers: headers({ 'content-type': 'text/plain' }), body: $('#eval-src').value });
    const b = await r.json();
    if (r.ok) { out.textContent = b.results.length ? b.results.map(v => JSON.stringify(v)).join('\t') : '(no results)'; }
    else { out.className = 'err'; out.textContent = b.error + (b.traceback ? '\n' + b.traceback : ''); }
  } catch (e) {
    out.className = 'err'; out.textContent = String(e);
  }
  loadDetails(id);   // the turn counted, a failure among the recent errors
}

function renderCharts() {
  const s = state.samples;
  const pts = f => s.map(x => [x.t, f(x)]);
  drawChart($('#chart-turns'), [{ name: 'turns/s', color: '#1f6feb', points: pts(x => x.turnsPerSec) }]);
  drawChart($('#chart-latency'), [{ name: 'p50', color: '#1b873f', points: pts(x => x.p50Millis) },
    { name: 'p99', color: '#d1242f', points: pts(x => x.p99Millis) }]);
  drawChart($('#chart-saves'), [{ name: 'saves/s', color: '#8250df', points: pts(x => x.savesPerSec) }]);
  drawChart($('#chart-heap'), [{ name: 'heap', color: '#bf8700', points: pts(x => x.heapUsed / 1048576) }]);
}

// ---- wiring
$('#login-form').addEventListener('submit', ev => { ev.preventDefault(); signIn($('#token').value.trim()); });
$('#filter').addEventListener('input', renderSessions);
$('#state-filter').addEventListener('change', renderSessions);
for (const th of document.querySelectorAll('#sessions th')) {
  th.addEventListener('click', () => {
    if (state.sort === th.dataset.key) state.desc = !state.desc; else { state.sort = th.dataset.key; state.desc = false; }
    renderSessions();
  });
}
$('#eval-run').addEventListener('click', runEval);
window.addEventListener('hashchange', route);
signIn(state.token, true);
