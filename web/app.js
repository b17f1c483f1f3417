// dyad web app: plain JavaScript, no dependencies (docs/SERVER.md says why).
// Every view is a function of the URL: /, /pair/A/B?as_of=DATE, /state/K?on=DATE.
// It talks only to this server's /api and builds the DOM with textContent (no innerHTML
// with data), so data cannot inject markup; the page's CSP allows nothing else anyway.
'use strict';

const $ = (sel, root = document) => root.querySelector(sel);

// el('a', {href: '/x', class: 'y'}, 'text', childNode, ...)
function el(tag, attrs = {}, ...children) {
  const ns = ['svg', 'path', 'g', 'rect', 'text', 'title', 'desc', 'line'].includes(tag) ? 'http://www.w3.org/2000/svg' : null;
  const node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const err = body && body.error ? body.error : { code: 'http_' + res.status, message: res.statusText };
    throw new ApiError(res.status, err.code, err.message);
  }
  return body;
}

const enc = encodeURIComponent;
const qs = (params) => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') s.set(k, v);
  const t = s.toString();
  return t ? '?' + t : '';
};

// ---------------------------------------------------------------- navigation

function go(url, replace = false) {
  const same = new URL(url, location.href).href === location.href;  // no duplicate history entries
  if (replace || same) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  route();
}

document.addEventListener('click', (ev) => {
  const a = ev.target.closest('a[data-nav]');
  if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
  ev.preventDefault();
  go(a.getAttribute('href'));
});
window.addEventListener('popstate', () => route());

let renderSeq = 0;  // a newer navigation wins over a slower older one

function route() {
  const url = new URL(location.href);
  const parts = url.pathname.split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch (e) { return p; } });
  const seq = ++renderSeq;
  if (parts[0] === 'pair' && parts.length === 3) return renderPair(seq, parts[1], parts[2], url.searchParams.get('as_of') || '');
  if (parts[0] === 'state' && parts.length === 2) return renderState(seq, parts[1], url.searchParams.get('on') || '');
  return renderHome();
}

function showView(title) {
  $('#search').hidden = true;
  const view = $('#view');
  view.hidden = false;
  view.replaceChildren();
  document.title = title + ' — dyad';
  return view;
}

function renderHome() {
  $('#view').hidden = true;
  $('#search').hidden = false;
  document.title = 'dyad — relations between states';
}

function failure(view, err) {
  view.append(el('p', { class: 'error', role: 'alert' }, err.message || String(err)),
    el('p', {}, el('a', { href: '/', 'data-nav': true }, 'Back to the search')));
}

// ---------------------------------------------------------------- search (combobox)

function setupCombo(input) {
  const list = document.getElementById(input.getAttribute('aria-controls'));
  const status = document.getElementById(input.getAttribute('aria-describedby'));
  let options = [], active = -1, seq = 0, timer = null;

  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); input.removeAttribute('aria-activedescendant'); active = -1; };
  const pick = (opt) => {
    input.value = opt.name;
    input.dataset.key = opt.key;
    status.textContent = `${opt.name} (${opt.key})` + (opt.label && opt.label !== opt.name ? ` — “${opt.label}”, ${opt.how}` : '');
    close();
  };
  const highlight = (i) => {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (i >= 0) { input.setAttribute('aria-activedescendant', list.children[i].id); list.children[i].scrollIntoView({ block: 'nearest' }); }
  };
  const show = (answer) => {
    options = answer.options;
    list.replaceChildren(...options.map((o, i) => el('li', { id: `${list.id}-${i}`, role: 'option', 'aria-selected': 'false',
      onmousedown: (ev) => { ev.preventDefault(); pick(o); } },
      `${o.name} (${o.key})`, el('small', {}, o.kind === 'former' ? `former state · ${o.exists_from || '?'} to ${o.exists_to || '?'}` : o.kind,
        o.label && o.label !== o.name ? ` · “${o.label}”` : ''))));
    const n = options.length;
    if (answer.outcome === 'ambiguous') status.textContent = `“${answer.query.q}” could be several states: pick one (${n} shown).`;
    else if (n === 0) status.textContent = answer.suggestions.length ? `No state matches. Did you mean ${answer.suggestions.map((s) => s.name).join(', ')}?` : 'No state matches.';
    else status.textContent = `${n} suggestion${n === 1 ? '' : 's'}; use the arrow keys and Enter.`;
    list.hidden = n === 0;
    input.setAttribute('aria-expanded', n ? 'true' : 'false');
    highlight(answer.outcome === 'match' ? 0 : -1);
  };
  const lookup = async () => {
    const text = input.value.trim();
    const mine = ++seq;
    if (!text) { close(); status.textContent = ''; return; }
    try {
      const answer = await api('/api/resolve' + qs({ q: text, on: $('#search-date').value, limit: 8 }));
      if (mine === seq) show(answer);
    } catch (e) { if (mine === seq) status.textContent = e.message; }
  };
  input.addEventListener('input', () => { delete input.dataset.key; clearTimeout(timer); timer = setTimeout(lookup, 120); });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && options.length) { ev.preventDefault(); list.hidden = false; input.setAttribute('aria-expanded', 'true'); highlight(Math.min(active + 1, options.length - 1)); }
    else if (ev.key === 'ArrowUp' && options.length) { ev.preventDefault(); highlight(Math.max(active - 1, 0)); }
    else if (ev.key === 'Enter' && !list.hidden && active >= 0) { ev.preventDefault(); pick(options[active]); }
    else if (ev.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}

// The key for a search box: the option picked, else what the resolver says of the text.
async function keyOf(input, on) {
  if (input.dataset.key) return input.dataset.key;
  const text = input.value.trim();
  if (!text) return null;
  const answer = await api('/api/resolve' + qs({ q: text, on, limit: 5 }));
  if (answer.outcome === 'match') return answer.candidates[0].key;
  if (answer.outcome === 'ambiguous') throw new Error(`“${text}” is ambiguous: ${answer.candidates.map((c) => `${c.name} (${c.key})`).join(', ')}. Pick one from the list.`);
  if (answer.options.length === 1) return answer.options[0].key;
  throw new Error(`“${text}” is not a state dyad knows.` + (answer.suggestions.length ? ` Did you mean ${answer.suggestions.map((s) => s.name).join(', ')}?` : ''));
}

async function submit(kind) {
  const error = $('#form-error');
  error.textContent = '';
  const date = $('#search-date').value;
  try {
    const a = await keyOf($('#state-a'), date);
    if (!a) throw new Error('Type the first state.');
    if (kind === 'state') return go(`/state/${enc(a)}` + qs({ on: date }));
    const b = await keyOf($('#state-b'), date);
    if (!b) throw new Error('Type the second state, or show the first state only.');
    go(`/pair/${enc(a)}/${enc(b)}` + qs({ as_of: date }));
  } catch (e) { error.textContent = e.message; }
}

// ---------------------------------------------------------------- tables and charts

function dataTable(caption, columns, rows, numeric = []) {
  return el('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': caption },
    el('table', {}, el('caption', {}, caption),
      el('thead', {}, el('tr', {}, columns.map((c, i) => el('th', { scope: 'col', class: numeric[i] ? 'num' : null }, c)))),
      el('tbody', {}, rows.length ? rows.map((r) => el('tr', {}, r.map((v, i) => i === 0 ? el('th', { scope: 'row' }, v) : el('td', { class: numeric[i] ? 'num' : null }, v))))
        : el('tr', {}, el('td', { colspan: columns.length }, 'None.')))));
}

const csvLink = (href, label) => el('p', { class: 'download' }, el('a', { href, download: true }, label));
const list = (v) => Array.isArray(v) ? v.join(', ') : (v === null || v === undefined ? '' : String(v));

function barChart(title, points) {
  const w = 640, h = 180, pad = 24;
  const max = Math.max(1, ...points.map((p) => p.count));
  const bw = (w - 2 * pad) / Math.max(1, points.length);
  return el('svg', { viewBox: `0 0 ${w} ${h}`, role: 'img', 'aria-labelledby': 'chart-title' },
    el('title', { id: 'chart-title' }, title),
    points.map((p, i) => {
      const bh = (h - 2 * pad) * p.count / max;
      return el('rect', { x: pad + i * bw, y: h - pad - bh, width: Math.max(1, bw - 1), height: bh }, el('title', {}, `${p.period}: ${p.count}`));
    }),
    el('text', { x: pad, y: h - 6 }, points.length ? points[0].period : ''),
    el('text', { x: w - pad, y: h - 6, 'text-anchor': 'end' }, points.length ? points[points.length - 1].period : ''),
    el('text', { x: pad, y: 14 }, `max ${max}`));
}

// ---------------------------------------------------------------- pair page

async function renderPair(seq, a, b, asOf) {
  const view = showView(`${a} – ${b}`);
  const base = `/api/pairs/${enc(a)}/${enc(b)}`;
  try {
    const [facts, envoys, series] = await Promise.all([
      api(`${base}/facts` + qs({ as_of: asOf || today(), kind: 'facts' })),
      api(`${base}/envoys` + qs({ on: asOf })),
      api(`${base}/events/series` + qs({ by: 'year', both: 'true', to: asOf })),
    ]);
    if (seq !== renderSeq) return;
    const ka = envoys.query.a, kb = envoys.query.b;
    if (ka !== a || kb !== b) history.replaceState(null, '', `/pair/${enc(ka)}/${enc(kb)}` + qs({ as_of: asOf }));
    const names = await Promise.all([api(`/api/states/${enc(ka)}`), api(`/api/states/${enc(kb)}`)]);
    if (seq !== renderSeq) return;
    const [na, nb] = names.map((n) => n.state.name);
    document.title = `${na} – ${nb}${asOf ? ' as of ' + asOf : ''} — dyad`;
    view.append(el('h1', {}, `${na} – ${nb}`), dateControls('pair-date', 'As of', asOf, (d) => `/pair/${enc(ka)}/${enc(kb)}` + qs({ as_of: d })));
    const rel = facts.relations || 'unknown';
    view.append(el('p', { class: 'summary', id: 'relations-summary' }, `Diplomatic relations on ${facts.query.as_of}: `,
      el('span', { class: 'badge ' + relClass(rel) }, rel), ' · ',
      el('a', { href: `/state/${enc(ka)}` + qs({ on: asOf }), 'data-nav': true }, na), ' · ',
      el('a', { href: `/state/${enc(kb)}` + qs({ on: asOf }), 'data-nav': true }, nb)));
    view.append(envoySection(envoys, na, nb), eventsSection(series, base, asOf), dossierSection(base, asOf, na, nb));
    $('#main').focus();
  } catch (e) { if (seq === renderSeq) failure(view, e); }
}

function today() { return new Date().toISOString().slice(0, 10); }

function relClass(status) {
  return { 'in relations': 'rel-in', 'no relations': 'rel-no', disputed: 'rel-disputed' }[status] || 'rel-unknown';
}

function dateControls(id, label, value, urlFor) {
  const full = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const input = el('input', { id, type: 'date', value: full ? value : null, min: '1776-01-01', max: '2100-12-31' });
  input.addEventListener('change', () => { if (!input.value || /^\d{4}-\d{2}-\d{2}$/.test(input.value)) go(urlFor(input.value)); });
  return el('div', { class: 'controls' },
    el('div', { class: 'field' }, el('label', { for: id }, label), input),
    el('p', { class: 'status', id: id + '-shown' }, value ? `Showing the data as of ${value}.` : 'Showing the data as of today.'),
    value ? el('a', { href: urlFor(''), 'data-nav': true }, 'Today') : null);
}

function envoySection(envoys, na, nb) {
  const rows = envoys.envoys.map((t) => [t.envoy_name, t.title + (t.charge ? ' (chargé)' : ''), t.mission_name, t.standing,
    t.start || '?', t.end || (t.standing === 'in office' ? 'in office' : '?'), list(t.sources)]);
  const dirs = envoys.directions.map((d) => `${d.from} → ${d.to}: ${d.heads ? d.heads + ' in office' : d.vacant ? 'vacant or not recorded' : 'no mission recorded'}`);
  return el('section', { 'aria-labelledby': 'envoys-title', id: 'envoys' },
    el('h2', { id: 'envoys-title' }, `Chiefs of mission on ${envoys.query.on}`),
    el('p', {}, dirs.join(' · ')),
    dataTable(`Chiefs of mission between ${na} and ${nb} on ${envoys.query.on}`, ['Envoy', 'Title', 'Mission', 'Standing', 'From', 'To', 'Sources'], rows),
    csvLink(`/api/pairs/${enc(envoys.query.a)}/${enc(envoys.query.b)}/envoys` + qs({ on: envoys.query.on, format: 'csv' }), 'Download this table (CSV)'));
}

function eventsSection(series, base, asOf) {
  const pts = series.series;
  const nonzero = pts.filter((p) => p.count > 0);
  const range = nonzero.length ? `Events from ${nonzero[0].period} to ${nonzero[nonzero.length - 1].period}.` : 'No events.';
  return el('section', { 'aria-labelledby': 'events-title', id: 'events', class: 'chart' },
    el('h2', { id: 'events-title' }, 'Events, both directions, by year'),
    el('p', {}, `${range} ${series.coverage.charAt(0).toUpperCase()}${series.coverage.slice(1)}.`),
    pts.length ? barChart('Events per year between the two states', pts) : null,
    dataTable('Events per year (both directions)', ['Year', 'Events', 'Mean Goldstein'],
      pts.map((p) => [p.period, p.count, p.goldstein_mean === null ? '' : p.goldstein_mean.toFixed(2)]), [false, true, true]),
    csvLink(`${base}/events/series` + qs({ by: 'year', both: 'true', to: asOf, format: 'csv' }), 'Download the series (CSV)'));
}

function dossierSection(base, asOf, na, nb) {
  const q = qs({ as_of: asOf });
  const frame = el('iframe', { class: 'dossier-frame', title: `Dossier: ${na} – ${nb}`, src: `${base}/dossier.html${q}`, id: 'dossier-frame' });
  frame.addEventListener('load', () => {
    try { frame.style.height = (frame.contentDocument.documentElement.scrollHeight + 20) + 'px'; } catch (e) { /* keep the default height */ }
  });
  return el('section', { 'aria-labelledby': 'dossier-title', id: 'dossier' },
    el('h2', { id: 'dossier-title' }, 'Dossier'),
    el('p', { class: 'download' }, 'The printed page, with every section and source. Download: ',
      el('a', { href: `${base}/dossier.html${q}`, download: true }, 'HTML'), ' · ',
      el('a', { href: `${base}/dossier.md${q}`, download: true }, 'Markdown'), ' · ',
      el('a', { href: `${base}/dossier.json${q}`, download: true }, 'JSON')),
    frame);
}

// ---------------------------------------------------------------- state page

async function renderState(seq, key, on) {
  const view = showView(key);
  try {
    const [state, rel] = await Promise.all([api(`/api/states/${enc(key)}` + qs({ on })), api(`/api/relations/${enc(key)}` + qs({ on }))]);
    if (seq !== renderSeq) return;
    const k = state.state.key;
    if (k !== key) history.replaceState(null, '', `/state/${enc(k)}` + qs({ on }));
    document.title = `${state.state.name}${on ? ' as of ' + on : ''} — dyad`;
    view.append(el('h1', {}, state.state.name), dateControls('state-date', 'On', on, (d) => `/state/${enc(k)}` + qs({ on: d })));
    const counts = Object.entries(rel.counts).map(([s, n]) => `${n} ${s}`).join(', ');
    view.append(el('p', { class: 'summary' }, `${state.state.official_name || state.state.name} · ${state.state.kind}` +
      (state.state.capital ? ` · capital ${state.state.capital}` : '') + ` · on ${rel.query.on}: ${counts}.`));
    const mapBox = el('section', { 'aria-labelledby': 'map-title', id: 'map', class: 'map' }, el('h2', { id: 'map-title' }, `Relations of ${state.state.name} on ${rel.query.on}`));
    view.append(mapBox);
    view.append(relationsSection(rel, k), missionsSection(state), codesSection(state));
    drawMap(mapBox, k, rel).catch((e) => mapBox.append(el('p', { class: 'error' }, 'The map could not be drawn: ' + e.message)));
    $('#main').focus();
  } catch (e) { if (seq === renderSeq) failure(view, e); }
}

function relationsSection(rel, key) {
  const rows = rel.relations.map((r) => [r.name, r.status, r.since || '', list(r.basis), list(r.sources)]);
  rows.sort((x, y) => x[1].localeCompare(y[1]) || x[0].localeCompare(y[0]));
  return el('section', { 'aria-labelledby': 'rel-title', id: 'relations' },
    el('h2', { id: 'rel-title' }, 'With whom, and on what basis'),
    el('p', {}, rel.coverage.charAt(0).toUpperCase() + rel.coverage.slice(1) + '.'),
    dataTable(`Relations on ${rel.query.on} (map data)`, ['State', 'Status', 'Since', 'Basis', 'Sources'], rows),
    csvLink(`/api/relations/${enc(key)}` + qs({ on: rel.query.on, format: 'csv' }), 'Download this table (CSV)'));
}

function missionsSection(state) {
  const rows = state.missions.map((m) => [m.name, m.role, m.subkind, m.role === 'sent' ? m.receiving : m.sending]);
  return el('section', { 'aria-labelledby': 'missions-title', id: 'missions' },
    el('h2', { id: 'missions-title' }, 'Missions'),
    dataTable('Missions sent and received', ['Mission', 'Sent or received', 'Kind', 'Other state'], rows));
}

function codesSection(state) {
  const rows = state.codes.map((c) => [c.scheme, c.code, c.valid.start || '…', c.valid.end || '…', c.source]);
  return el('section', { 'aria-labelledby': 'codes-title', id: 'codes' },
    el('h2', { id: 'codes-title' }, 'Codes'),
    dataTable('Codes in every scheme', ['Scheme', 'Code', 'From', 'To', 'Source'], rows));
}

// ---------------------------------------------------------------- world map (TopoJSON)

let atlasPromise = null, statesPromise = null;

function decodeTopology(topo) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => { let x = 0, y = 0; return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; }); });
  const ring = (idx) => idx.flatMap((i, n) => { const a = i < 0 ? arcs[~i].slice().reverse() : arcs[i]; return n ? a.slice(1) : a; });
  return topo.objects.countries.geometries.map((g) => {
    const polys = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    return { id: g.id, name: g.properties && g.properties.name, rings: polys.flatMap((p) => p.map(ring)) };
  });
}

function pathOf(rings) {
  // Equirectangular: x = lon + 180, y = 90 - lat (viewBox 360 x 170, Antarctica cut).
  // A ring that crosses the antimeridian (Russia, Fiji) is broken where it jumps, instead
  // of drawing a band across the map.
  return rings.map((r) => r.map(([lon, lat], i) => {
    const jump = i > 0 && Math.abs(lon - r[i - 1][0]) > 180;
    return `${i === 0 || jump ? 'M' : 'L'}${(lon + 180).toFixed(2)},${(90 - lat).toFixed(2)}`;
  }).join('') + 'Z').join('');
}

async function drawMap(box, key, rel) {
  atlasPromise = atlasPromise || fetch('/assets/countries-110m.json').then((r) => r.json()).then(decodeTopology);
  statesPromise = statesPromise || api('/api/states');
  const [features, states] = await Promise.all([atlasPromise, statesPromise]);
  const byNum = new Map(), statusOf = new Map(rel.relations.map((r) => [r.state, r.status]));
  for (const s of states.states) if (s.isonum && s.kind !== 'former') byNum.set(s.isonum, s.key);
  const paths = features.map((f) => {
    const k = byNum.get(f.id);
    const cls = k === key ? 'rel-self' : relClass(statusOf.get(k) || 'unknown');
    const label = `${f.name}: ${k === key ? 'this state' : statusOf.get(k) || 'unknown'}`;
    return el('path', { d: pathOf(f.rings), class: cls }, el('title', {}, label));
  });
  const svg = el('svg', { viewBox: '0 0 360 150', role: 'img', 'aria-labelledby': 'map-svg-title map-svg-desc' },
    el('title', { id: 'map-svg-title' }, `World map of the relations of ${key} on ${rel.query.on}`),
    el('desc', { id: 'map-svg-desc' }, 'Each country is coloured by its diplomatic relations with the highlighted state; the table below holds the same data.'),
    paths);
  const legend = el('ul', { class: 'legend', 'aria-label': 'Legend' },
    [['rel-self', 'this state'], ['rel-in', 'in relations'], ['rel-no', 'no relations'], ['rel-disputed', 'disputed'], ['rel-unknown', 'unknown']]
      .map(([c, t]) => el('li', {}, el('span', { class: 'swatch-' + c }), t)));
  box.append(svg, legend);
}

// ---------------------------------------------------------------- start

document.addEventListener('DOMContentLoaded', () => {
  setupCombo($('#state-a'));
  setupCombo($('#state-b'));
  $('#pair-form').addEventListener('submit', (ev) => { ev.preventDefault(); submit('pair'); });
  $('#go-state').addEventListener('click', () => submit('state'));
  route();
});
