import { el, fill, table, link, time } from './dom.js';
import { api, query, JOB_STATES } from './api.js';

const PAGE = 20;

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
  const base = { namespace: filters.namespace || '*', labels: filters.labels || undefined,
    state: filters.state || undefined, order_by: orderBy, reverse: direction === 'desc' ? 'true' : undefined };

  async function load() {
    try {
      // the page (the state filter is the API's) and the counts (the whole store) are asked for at once
      const [r, summary] = await Promise.all([api('/orchestrator/jobs' + query(tokens[page]
          ? { next_token: tokens[page], namespace: base.namespace, labels: base.labels, state: base.state }
          : { ...base, limit: PAGE })),
        api('/orchestrator/summary' + query({ namespace: base.namespace, minutes: 1 }))]);
      showCounts(summary.Jobs);
      tokens[page + 1] = r.NextToken || '';
      prev.disabled = page === 0;
      next.disabled = !r.NextToken;
      fill(error);
      fill(list, table(['ID', 'Name', 'Namespace', 'Type', 'State', 'Created', 'Modified'], (r.Items || []).map(j => [
        link('/jobs/' + encodeURIComponent(j.ID) + '?namespace=' + encodeURIComponent(j.Namespace), j.ID),
        j.Name, j.Namespace, j.Type, el('span', { className: 'state ' + j.State?.StateType }, j.State?.StateType),
        time(j.CreateTime), time(j.ModifyTime)]), 'jobs'));
    } catch (e) {
      if (e.name !== 'AbortError') fill(error, e.message);
    }
  }

  /** Counts of every job in the namespace filter (the label filter does not apply to them). */
  function showCounts(jobs) {
    fill(counts, JOB_STATES.map(s => link('/jobs?state=' + s
        + (filters.namespace ? '&namespace=' + encodeURIComponent(filters.namespace) : ''),
      [el('span', { className: 'state ' + s }, s), ' ', el('b', { dataset: { state: s } }, jobs.ByState?.[s] ?? 0)])),
    el('span', { className: 'muted', id: 'jobs-total' }, ' ' + jobs.Total + ' in all'));
  }

  load();
  every(5000, () => { if (auto.checked) load(); });
}
