// Building DOM nodes: every value goes in as text (textContent / text nodes), never as markup.

/** el('a', {href, className, onclick, dataset, attrs}, ...children); strings and numbers become text nodes. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'attrs') for (const [a, v] of Object.entries(value)) node.setAttribute(a, String(v));
    else node[key] = value;
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces a node's children. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A table from header names and rows of cells (cells: text or nodes). */
export function table(headers, rows, className = '') {
  return el('table', { className },
    el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))),
    el('tbody', {}, rows.length ? rows.map(r => el('tr', {}, r.map(c => el('td', {}, c))))
      : el('tr', {}, el('td', { colSpan: headers.length, className: 'muted' }, 'None'))));
}

/** A definition list from [label, value] pairs, skipping empty values. */
export function facts(pairs) {
  return el('dl', { className: 'facts' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

/** A link inside the UI (the router handles it without a reload). */
export function link(path, text) {
  return el('a', { href: path }, text);
}

/** Nanoseconds or an ISO time, shown in the browser's locale; '' for none. */
export function time(value) {
  if (value === undefined || value === null || value === '' || value === 0) return '';
  const d = typeof value === 'number' ? new Date(value / 1e6) : new Date(value);
  if (isNaN(d) || d.getUTCFullYear() < 2) return '';
  return d.toLocaleString();
}

/** A bar of used / total (0..1), with its text. */
export function bar(used, total, text) {
  const share = total > 0 ? Math.min(1, Math.max(0, used / total)) : 0;
  const fillBar = el('span', { className: 'bar-fill' });
  fillBar.style.width = (share * 100).toFixed(1) + '%';
  return el('span', { className: 'bar', title: text }, fillBar, el('span', { className: 'bar-text' }, text));
}

export function bytes(n) {
  if (!n) return '0';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
  return (Math.round(n * 10) / 10) + ' ' + units[i];
}

/** A URL that is safe to put in href: http(s) only. */
export function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch { return null; }
}
