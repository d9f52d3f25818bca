import { el, fill, table, link, time } from './dom.js';
import { api, query, JOB_STATES } from './api.js';

const PAGE = 20;
const WINDOW = 500;   // jobs counted by state (and searched when a state filter is set)

/** The jobs list: server paging with the API's next tokens, filters, counts by state, auto-refresh. */
export function jobsPage(main, { params, go, every }) {
  const filters = {
    state: params.get('state') || '',
    labels: params.get('labels') || '',
    namespace: params.get('namespace') || '',
    sort: params.get('sort') || 'created_at:desc',
  };
  const tokens = [''];  // tokens[i] = the next_token that opens page i
  let page = 0;

  const state = el('select', { id: 'filter-state' }, el('option', { value: '' }, 'All states'),
    JOB_STATES.map(s => el('option', { value: s, selected: s === filters.state }, s)));
  const labels = el('input', { id: 'filter-labels', value: filters.labels, placeholder: 'labels, e.g. env=prod,gpu' });
  const namespace = el('input', { id: 'filter-namespace', value: filters.namespace, placeholder: 'namespace (empty: all)' });
  const sort = el('select', { id: 'sort' },
    [['created_at:desc', 'Newest first'], ['created_at:asc', 'Oldest first'], ['modified_at:desc', 'Recently modified']]
      .map(([v, t]) => el('option', { value: v, selected: v === filters.sort }, t)));
  const auto = el('input', { type: 'checkbox', id: 'auto-refresh', checked: true });
  const counts = el('div', { className: 'counts', id: 'state-counts' });
  const list = el('div', { id: 'jobs' });
  const prev = el('button', { type: 'button', id: 'prev', disabled: true, onclick: () => { page--; load(); } }, '← Newer');
  const next = el('button', { type: 'button', id: 'next', disabled: true, onclick: () => { page++; load(); } }, 'Older →');
  const error = el('p', { className: 'error' });

  const apply = () => {
    const p = new URLSearchParams();
    if (state.value) p.set('state', state.value);
    if (labels.value.trim()) p.set('labels', labels.value.trim());
    if (namespace.value.trim()) p.set('namespace', namespace.value.trim());
    if (sort.value !== 'created_at:desc') p.set('sort', sort.value);
    go('/jobs' + (p.toString() ? '?' + p : ''), { replace: true });
  };
  const form = el('form', { className: 'filters', onsubmit: e => { e.preventDefault(); apply(); } },
    state, labels, namespace, sort, el('button', { type: 'submit' }, 'Filter'),
    el('label', { className: 'inline' }, auto, ' auto-refresh'));
  state.addEventListener('change', apply);
  sort.addEventListener('change', apply);

  fill(main, el('h1', {}, 'Jobs'), counts, form, error, list, el('div', { className: 'pager' }, prev, next));

  const [orderBy, direction] = filters.sort.split(':');
  const base = { namespace: filters.namespace || '*', labels: filters.labels || undefined, order_by: orderBy,
    reverse: direction === 'desc' ? 'true' : undefined };

  async function load() {
    try {
      // the window (counts, state filter) and the page are asked for at once
      const [recent, r] = await Promise.all([api('/orchestrator/jobs' + query({ ...base, limit: WINDOW })),
        filters.state ? null : api('/orchestrator/jobs' + query(tokens[page]
          ? { next_token: tokens[page], namespace: base.namespace, labels: base.labels } : { ...base, limit: PAGE }))]);
      showCounts(recent.Items || []);
      let items;
      if (filters.state) {
        items = (recent.Items || []).filter(j => j.State?.StateType === filters.state);
        prev.disabled = next.disabled = true;
      } else {
        items = r.Items || [];
        tokens[page + 1] = r.NextToken || '';
        prev.disabled = page === 0;
        next.disabled = !r.NextToken;
      }
      fill(error);
      fill(list, table(['ID', 'Name', 'Namespace', 'Type', 'State', 'Created', 'Modified'], items.map(j => [
        link('/jobs/' + encodeURIComponent(j.ID) + '?namespace=' + encodeURIComponent(j.Namespace), j.ID),
        j.Name, j.Namespace, j.Type, el('span', { className: 'state ' + j.State?.StateType }, j.State?.StateType),
        time(j.CreateTime), time(j.ModifyTime)]), 'jobs'));
    } catch (e) {
      if (e.name !== 'AbortError') fill(error, e.message);
    }
  }

  function showCounts(items) {
    const by = Object.fromEntries(JOB_STATES.map(s => [s, 0]));
    for (const j of items) by[j.State?.StateType] = (by[j.State?.StateType] || 0) + 1;
    fill(counts, Object.entries(by).map(([s, n]) =>
      link('/jobs?state=' + s, [el('span', { className: 'state ' + s }, s), ' ', el('b', { dataset: { state: s } }, n)])),
    el('span', { className: 'muted' }, items.length >= WINDOW ? ` (latest ${WINDOW} jobs)` : ''));
  }

  load();
  every(5000, () => { if (auto.checked) load(); });
}
