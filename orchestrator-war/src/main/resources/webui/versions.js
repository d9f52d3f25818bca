import { el, fill } from './dom.js';
import { api, query } from './api.js';

const VOLATILE = ['State', 'Revision', 'Version', 'ModifyTime', 'CreateTime'];

/** A job's stored versions with a line diff of any two (the spec as JSON, state and times left out). */
export function versionsPanel(path, ns) {
  const from = el('select', { id: 'version-from' });
  const to = el('select', { id: 'version-to' });
  const out = el('pre', { className: 'json diff', id: 'version-diff' });
  const node = el('div', { className: 'versions' });
  let versions = [];
  let shown = 0;

  const show = () => {
    const a = versions.find(v => String(v.Version) === from.value);
    const b = versions.find(v => String(v.Version) === to.value);
    if (!a || !b) return;
    fill(out, diff(lines(a), lines(b)).map(([op, line]) =>
      el('span', { className: op === '+' ? 'added' : op === '-' ? 'removed' : 'same' }, op + ' ' + line + '\n')));
  };
  from.addEventListener('change', show);
  to.addEventListener('change', show);

  return {
    node,
    /** Loads the versions when the job has more than one (again when a new one appears). */
    async update(job) {
      if (!(job.Version > 1) || job.Version === shown) {
        if (!(job.Version > 1)) fill(node, el('p', { className: 'muted' }, 'One version.'));
        return;
      }
      shown = job.Version;
      try {
        versions = ((await api(path + '/versions' + query({ namespace: ns }))).Items || []).sort((x, y) => x.Version - y.Version);
        const options = selected => versions.map(v => el('option', { value: v.Version, selected: v.Version === selected }, 'version ' + v.Version));
        fill(from, options(versions[versions.length - 2]?.Version));
        fill(to, options(versions[versions.length - 1]?.Version));
        fill(node, el('div', { className: 'toolbar' }, 'Compare ', from, ' with ', to), out);
        show();
      } catch (e) { fill(node, el('p', { className: 'error' }, e.message)); }
    },
  };
}

function lines(job) {
  const copy = { ...job };
  for (const k of VOLATILE) delete copy[k];
  return JSON.stringify(copy, null, 2).split('\n');
}

/** A line diff by longest common subsequence: [op, line] with op ' ', '-' or '+'. */
export function diff(a, b) {
  const n = a.length, m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const result = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) { result.push([' ', a[i]]); i++; j++; }
    else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) { result.push(['+', b[j]]); j++; }
    else { result.push(['-', a[i]]); i++; }
  }
  return result;
}
