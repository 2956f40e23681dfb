/*
 * Kleline Ledger's settlement dashboard (docs/analysts.md). Plain script, no build step: it reads the
 * query API with the key the user gives (kept in this tab's sessionStorage only) and draws what it reads.
 * Money stays exact: every integer of a JSON answer is read as a BigInt from its source text, and shown
 * in major units by integer division; the chart alone turns amounts into floating-point numbers, to draw.
 */
(function () {
  'use strict';

  const KEY = 'kleline.apiKey';
  const FIGURES = ['count', 'gross', 'refunds', 'chargebacks', 'fees', 'commission', 'net', 'paidOut'];
  const AMOUNTS = new Set(['gross', 'refunds', 'chargebacks', 'fees', 'commission', 'net', 'paidOut', 'due',
    'amount', 'balanceAfter', 'balance']);
  const LABELS = { merchantId: 'merchant', partnerId: 'partner', currency: 'currency', merchants: 'merchants',
    rows: 'rows', count: 'count', gross: 'gross', refunds: 'refunds', chargebacks: 'chargebacks', fees: 'fees',
    commission: 'commission', net: 'net', paidOut: 'paid out', due: 'due', date: 'date', name: 'name',
    status: 'status', payouts: 'payouts', eventId: 'event', type: 'type', occurredAt: 'occurred at',
    amount: 'amount', balanceAfter: 'balance after' };

  const $ = (id) => document.getElementById(id);
  const state = { summary: null, decimals: new Map(), tables: {}, chart: null, entriesCursor: null, merchant: null };

  // ---- money: BigInt minor units to major units, by integer arithmetic --------------------------------

  function decimalsOf(currency) {
    if (state.decimals.has(currency)) return state.decimals.get(currency);
    // A currency the summary did not list (a merchant's other currency): the browser's ISO 4217 data.
    try {
      return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
    } catch (e) {
      return 2;
    }
  }

  function major(minor, decimals, grouped) {
    const negative = minor < 0n;
    const abs = negative ? -minor : minor;
    const scale = 10n ** BigInt(decimals);
    let units = (abs / scale).toString();
    if (grouped) units = units.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const fraction = decimals > 0 ? '.' + (abs % scale).toString().padStart(decimals, '0') : '';
    return (negative ? '-' : '') + units + fraction;
  }

  function grouped(n) {
    return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  // ---- the API -------------------------------------------------------------------------------------------

  function parseExact(text) {
    return JSON.parse(text, function (key, value, context) {
      if (typeof value !== 'number') return value;
      if (context && typeof context.source === 'string' && /^-?\d+$/.test(context.source)) return BigInt(context.source);
      if (Number.isSafeInteger(value)) return BigInt(value);
      throw new Error('a number this page cannot read exactly: ' + (context ? context.source : value));
    });
  }

  async function get(path) {
    const key = sessionStorage.getItem(KEY);
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + key, Accept: 'application/json' } });
    const text = await response.text();
    if (!response.ok) {
      let detail = text;
      try { const p = JSON.parse(text); detail = p.detail || p.title; } catch (e) { /* not a problem body */ }
      const error = new Error(response.status + ': ' + detail);
      error.status = response.status;
      throw error;
    }
    return parseExact(text);
  }

  // ---- tables --------------------------------------------------------------------------------------------

  /**
   * A table of `rows` (objects) in `columns`; amounts shown with their row's currency's decimals. Kept
   * with its rows so it can be sorted and downloaded as shown.
   */
  function table(id, columns, rows, options) {
    const t = { id, columns, rows, sortBy: null, desc: true, link: options && options.link };
    state.tables[id] = t;
    render(t);
  }

  function cellText(column, row, forCsv) {
    const v = row[column];
    if (v === undefined || v === null) return '';
    if (typeof v === 'bigint') {
      if (AMOUNTS.has(column)) return major(v, decimalsOf(row.currency), !forCsv);
      return forCsv ? v.toString() : grouped(v);
    }
    return String(v);
  }

  function compare(a, b) {
    if (a === b) return 0;
    if (a === undefined || a === null) return -1;
    if (b === undefined || b === null) return 1;
    return a < b ? -1 : 1;
  }

  function render(t) {
    const el = $(t.id);
    el.textContent = '';
    const head = el.createTHead().insertRow();
    for (const c of t.columns) {
      const th = document.createElement('th');
      th.textContent = LABELS[c] || c;
      th.dataset.field = c;
      if (t.rows.length && typeof t.rows[0][c] === 'bigint') th.className = 'n';
      if (t.sortBy === c) th.classList.add(t.desc ? 'sorted-desc' : 'sorted-asc');
      if (el.classList.contains('sortable')) {
        th.addEventListener('click', () => {
          t.desc = t.sortBy === c ? !t.desc : typeof (t.rows[0] || {})[c] === 'bigint';
          t.sortBy = c;
          t.rows.sort((x, y) => (t.desc ? -1 : 1) * compare(x[c], y[c]));
          render(t);
        });
      }
      head.appendChild(th);
    }
    const body = el.createTBody();
    for (const row of t.rows) {
      const tr = body.insertRow();
      for (const c of t.columns) {
        const td = tr.insertCell();
        td.dataset.field = c;
        if (typeof row[c] === 'bigint') td.className = 'n';
        const text = cellText(c, row, false);
        if (t.link && c === t.link.column && text) {
          const a = document.createElement('a');
          a.textContent = text;
          a.dataset.merchant = text;
          a.addEventListener('click', () => t.link.open(text));
          td.appendChild(a);
        } else {
          td.textContent = text;
        }
      }
    }
  }

  function csvField(text) {
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /** The table as shown (its order, amounts in major units without separators), as a CSV file. */
  function downloadCsv(id) {
    const t = state.tables[id];
    if (!t) return;
    const lines = [t.columns.map((c) => csvField(LABELS[c] || c)).join(',')];
    for (const row of t.rows) lines.push(t.columns.map((c) => csvField(cellText(c, row, true))).join(','));
    const blob = new Blob([lines.join('\r\n') + '\r\n'], { type: 'text/csv' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'kleline-' + id + '-' + state.summary.from + '-' + state.summary.to + '.csv';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  /** A row's figures next to its own fields, as the tables show them. */
  function flat(entry) {
    const row = Object.assign({}, entry, entry.figures);
    delete row.figures;
    return row;
  }

  // ---- the period ----------------------------------------------------------------------------------------

  function lastDayOf(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
  }

  function pad(n, width) {
    return String(n).padStart(width, '0');
  }

  /** {from, to} of the period the form names, or an error message. */
  function period() {
    const kind = $('period-kind').value;
    if (kind === 'day') {
      const d = $('period-day').value;
      return d ? { from: d, to: d } : { error: 'pick a day' };
    }
    if (kind === 'month') {
      const m = $('period-month').value;
      if (!/^\d{4}-\d{2}$/.test(m)) return { error: 'pick a month' };
      const [y, mo] = m.split('-').map(Number);
      return { from: m + '-01', to: m + '-' + pad(lastDayOf(y, mo), 2) };
    }
    if (kind === 'year') {
      const y = $('period-year').value;
      if (!/^\d{1,4}$/.test(y) || Number(y) < 1) return { error: 'give a year' };
      return { from: pad(y, 4) + '-01-01', to: pad(y, 4) + '-12-31' };
    }
    const from = $('period-from').value;
    const to = $('period-to').value;
    if (!from || !to) return { error: 'give both dates of the range' };
    return { from, to };
  }

  function showKind() {
    const kind = $('period-kind').value;
    document.querySelectorAll('#period-form [data-kind]').forEach((el) => { el.hidden = el.dataset.kind !== kind; });
  }

  /** The period in the address (#from=..&to=..), so a view can be bookmarked and shared (without the key). */
  function periodFromHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    const key = params.get('key');
    if (key) {
      // A key handed over in the fragment (never sent to a server) is kept in the tab and taken out of the address.
      sessionStorage.setItem(KEY, key);
      params.delete('key');
      history.replaceState(null, '', '#' + params.toString());
    }
    const from = params.get('from');
    const to = params.get('to');
    if (from && to) {
      $('period-kind').value = 'range';
      $('period-from').value = from;
      $('period-to').value = to;
      return true;
    }
    return false;
  }

  // ---- the summary ---------------------------------------------------------------------------------------

  function setStatus(kind, text) {
    document.body.dataset.state = kind;
    $('status').textContent = text;
  }

  async function load() {
    const p = period();
    if (p.error) {
      setStatus('error', p.error);
      return;
    }
    if (!sessionStorage.getItem(KEY)) {
      setStatus('error', 'give an API key first');
      return;
    }
    history.replaceState(null, '', '#from=' + p.from + '&to=' + p.to);
    setStatus('loading', 'loading ' + p.from + ' .. ' + p.to + ' ...');
    const started = performance.now();
    try {
      const summary = await get('/v1/settlement-summary?from=' + p.from + '&to=' + p.to);
      const read = performance.now();
      show(summary);
      const shown = performance.now();
      $('status').dataset.readMs = Math.round(read - started);
      $('status').dataset.totalMs = Math.round(shown - started);
      // From the navigation's start to the figures on screen: the page's load time, as bench/scripts/analysts-year.sh reads it.
      $('status').dataset.sinceNavigationMs = Math.round(shown);
      setStatus('ready', 'read in ' + Math.round(read - started) + ' ms, shown in ' + Math.round(shown - started) + ' ms');
    } catch (e) {
      setStatus('error', e.message);
    }
  }

  function show(summary) {
    state.summary = summary;
    state.decimals = new Map(summary.totals.map((t) => [t.currency, Number(t.decimals)]));
    $('figures').hidden = false;
    $('period-shown').textContent = summary.from + ' .. ' + summary.to;
    table('totals', ['currency', 'merchants', 'rows'].concat(FIGURES), summary.totals.map(flat));
    table('merchants', ['merchantId', 'name', 'partnerId', 'currency', 'rows'].concat(FIGURES),
      summary.merchants.map(flat), { link: { column: 'merchantId', open: openMerchant } });
    table('partners', ['partnerId', 'currency', 'merchants', 'rows'].concat(FIGURES), summary.partners.map(flat));
    const open = summary.open.map((r) => Object.assign({}, r, { due: r.net - r.paidOut }));
    table('open', ['date', 'merchantId', 'currency', 'count', 'gross', 'net', 'paidOut', 'due', 'status'], open,
      { link: { column: 'merchantId', open: openMerchant } });
    $('merchant-count').textContent = '(' + summary.merchants.length + ')';
    $('partner-count').textContent = '(' + summary.partners.length + ')';
    $('open-count').textContent = '(' + grouped(summary.openRows) + (summary.openRows > BigInt(open.length)
      ? ', the first ' + grouped(open.length) + ' shown)' : ')');
    const select = $('chart-currency');
    select.textContent = '';
    for (const t of summary.totals) select.add(new Option(t.currency, t.currency));
    drawChart();
  }

  function drawChart() {
    const el = $('chart');
    if (state.chart) { state.chart.destroy(); state.chart = null; }
    el.textContent = '';
    const currency = $('chart-currency').value;
    if (!currency || typeof uPlot === 'undefined') return;
    const days = state.summary.days.filter((d) => d.currency === currency);
    const decimals = decimalsOf(currency);
    const scale = 10 ** decimals;
    // Drawing only: the amounts become floating-point numbers of major units here and nowhere else.
    const xs = days.map((d) => Date.parse(d.date + 'T00:00:00Z') / 1000);
    const series = ['gross', 'fees', 'net'].map((f) => days.map((d) => Number(d.figures[f]) / scale));
    state.chart = new uPlot({
      width: Math.min(1200, Math.max(600, el.clientWidth || 1000)),
      height: 300,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      series: [
        {},
        { label: 'gross ' + currency, stroke: '#1746a2', width: 1.5 },
        { label: 'fees ' + currency, stroke: '#c77d00', width: 1.5 },
        { label: 'net ' + currency, stroke: '#2e8b57', width: 1.5 },
      ],
      axes: [{}, { size: 90 }],
    }, [xs].concat(series), el);
  }

  // ---- one merchant --------------------------------------------------------------------------------------

  async function openMerchant(merchantId) {
    const s = state.summary;
    state.merchant = merchantId;
    $('merchant').hidden = false;
    $('merchant').dataset.state = 'loading';
    $('merchant-title').textContent = merchantId;
    $('merchant-profile').textContent = '';
    const id = encodeURIComponent(merchantId);
    try {
      const [profile, rows] = await Promise.all([
        get('/v1/merchants/' + id),
        get('/v1/merchants/' + id + '/settlements?from=' + s.from + '&to=' + s.to),
      ]);
      $('merchant-profile').textContent = profile.name + (profile.partnerId ? ', brought by ' + profile.partnerId : '')
        + ', ' + profile.currency + '; balance ' + major(profile.balance, decimalsOf(profile.currency), true) + ' '
        + profile.currency;
      table('merchant-rows', ['date', 'currency', 'count', 'gross', 'refunds', 'chargebacks', 'fees', 'commission',
        'net', 'paidOut', 'payouts', 'status'], rows);
      state.entriesCursor = null;
      table('merchant-entries', ['occurredAt', 'type', 'eventId', 'currency', 'amount', 'balanceAfter'], []);
      await moreEntries();
      $('merchant').dataset.state = 'ready';
    } catch (e) {
      $('merchant-profile').textContent = e.message;
      $('merchant').dataset.state = 'error';
    }
  }

  async function moreEntries() {
    const s = state.summary;
    const account = encodeURIComponent('merchant:' + state.merchant);
    const page = await get('/v1/accounts/' + account + '/entries?from=' + s.from + '&to=' + s.to + '&limit=100'
      + (state.entriesCursor ? '&cursor=' + encodeURIComponent(state.entriesCursor) : ''));
    const t = state.tables['merchant-entries'];
    t.rows = t.rows.concat(page.entries);
    render(t);
    state.entriesCursor = page.nextCursor || null;
    $('entries-more').hidden = !state.entriesCursor;
  }

  // ---- wiring --------------------------------------------------------------------------------------------

  function showKey() {
    const key = sessionStorage.getItem(KEY);
    $('key-form').hidden = !!key;
    $('key-in-use').hidden = !key;
    // A key is kl_<keyId>_<secret>: only its id is shown.
    $('key-id').textContent = key ? key.split('_')[1] || '?' : '';
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('period-year').value = new Date().getUTCFullYear();
    const fromHash = periodFromHash();
    showKind();
    showKey();
    $('period-kind').addEventListener('change', showKind);
    $('key-form').addEventListener('submit', (e) => {
      e.preventDefault();
      sessionStorage.setItem(KEY, $('api-key').value.trim());
      $('api-key').value = '';
      showKey();
      load();
    });
    $('forget-key').addEventListener('click', () => { sessionStorage.removeItem(KEY); showKey(); });
    $('period-form').addEventListener('submit', (e) => { e.preventDefault(); load(); });
    $('chart-currency').addEventListener('change', drawChart);
    $('merchant-close').addEventListener('click', () => { $('merchant').hidden = true; });
    $('entries-more').addEventListener('click', () => moreEntries().catch((e) => setStatus('error', e.message)));
    document.querySelectorAll('[data-csv]').forEach((b) => b.addEventListener('click', () => downloadCsv(b.dataset.csv)));
    if (fromHash && sessionStorage.getItem(KEY)) load();
  });
})();
