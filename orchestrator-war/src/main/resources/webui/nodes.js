import { el, fill, table, facts, link, time, bar, bytes } from './dom.js';
import { api, query, stateName, EXECUTION_STATES } from './api.js';

function use(info, field, format) {
  const max = info?.MaxCapacity?.[field] || 0;
  const free = info?.AvailableCapacity?.[field] ?? max;
  const used = Math.max(0, max - free);
  return max ? bar(used, max, format(used) + ' / ' + format(max)) : el('span', { className: 'muted' }, '–');
}
const cpu = n => (Math.round(n * 100) / 100) + '';

/** The nodes list: type, membership, connection, labels, capacity and use as bars. */
export function nodesPage(main, { every }) {
  const list = el('div', { id: 'nodes' });
  const error = el('p', { className: 'error' });
  fill(main, el('h1', {}, 'Nodes'), error, list);
  async function load() {
    try {
      const r = await api('/orchestrator/nodes' + query({ limit: 1000 }));
      fill(error);
      fill(list, table(['ID', 'Type', 'Membership', 'Connection', 'Labels', 'CPU', 'Memory', 'GPU', 'Running'],
        (r.Nodes || []).map(n => {
          const c = n.Info?.ComputeNodeInfo;
          return [link('/nodes/' + encodeURIComponent(n.Info.NodeID), n.Info.NodeID), n.Info.NodeType,
            el('span', { className: 'membership ' + n.Membership }, n.Membership),
            el('span', { className: 'connection-state ' + n.ConnectionState?.Status }, n.ConnectionState?.Status),
            labels(n.Info.Labels), use(c, 'CPU', cpu), use(c, 'Memory', bytes), use(c, 'GPU', String),
            c ? c.RunningExecutions : ''];
        }), 'nodes'));
    } catch (e) { fill(error, e.message); }
  }
  load();
  every(5000, load);
}

function labels(map) {
  return Object.entries(map || {}).map(([k, v]) => el('span', { className: 'tag' }, k + '=' + v));
}

/** One node: info, resources, the executions it runs, approve / reject / delete with a message. */
export function nodePage(main, { id, every }) {
  const path = '/orchestrator/nodes/' + encodeURIComponent(id);
  const info = el('section', { id: 'node-info' });
  const running = el('section', { id: 'node-executions' });
  const notice = el('p', { className: 'notice', id: 'notice' });
  const message = el('input', { id: 'node-message', placeholder: 'message (optional)' });
  const act = action => async () => {
    try {
      await api(path, { method: 'PUT', body: { Action: action, Message: message.value, NodeID: id } });
      fill(notice, 'Node ' + action + (action.endsWith('e') ? 'd' : 'ed') + '.');
      if (action === 'delete') { fill(info); return; }
      load();
    } catch (e) { fill(notice, e.message + (e.hint ? ' — ' + e.hint : '')); }
  };
  fill(main, el('h1', {}, 'Node ', el('span', {}, id)), el('div', { className: 'actions' }, message,
    el('button', { type: 'button', id: 'approve', onclick: act('approve') }, 'Approve'),
    el('button', { type: 'button', id: 'reject', onclick: act('reject') }, 'Reject'),
    el('button', { type: 'button', id: 'delete', className: 'danger', onclick: act('delete') }, 'Delete')), notice, info,
    el('h2', {}, 'Executions not over'), running);

  async function load() {
    try {
      const [{ Node: n }, live] = await Promise.all([api(path), api(path + '/executions')]);
      showExecutions(live.Items || []);
      const c = n.Info?.ComputeNodeInfo;
      const cs = n.ConnectionState || {};
      fill(info, facts([
        ['Type', n.Info.NodeType],
        ['Membership', el('span', { className: 'membership ' + n.Membership, id: 'membership' }, n.Membership)],
        ['Connection', cs.Status], ['Connected since', time(cs.ConnectedSince)], ['Last heartbeat', time(cs.LastHeartbeat)],
        ['Last error', cs.LastError], ['Labels', labels(n.Info.Labels)],
        ['Version', n.Info.BacalhauVersion?.GitVersion], ['Address', c?.address],
        ['Engines', (c?.ExecutionEngines || []).join(', ')], ['Publishers', (c?.Publishers || []).join(', ')],
        ['Storages', (c?.StorageSources || []).join(', ')],
        ['Running executions', c?.RunningExecutions], ['Queued executions', c?.EnqueuedExecutions],
      ]), c ? [el('h2', {}, 'Resources'), facts([['CPU', use(c, 'CPU', cpu)], ['Memory', use(c, 'Memory', bytes)],
        ['Disk', use(c, 'Disk', bytes)], ['GPU', use(c, 'GPU', String)]])] : null,
      el('details', {}, el('summary', {}, 'Raw (JSON)'), el('pre', { className: 'json' }, JSON.stringify(n, null, 2))));
    } catch (e) { fill(notice, e.message); }
  }
  function showExecutions(items) {
    fill(running, items.length ? table(['Execution', 'Job', 'State', 'Created'], items.map(e => [
      link('/jobs/' + encodeURIComponent(e.JobID) + query({ namespace: e.Namespace, execution: e.ID }), e.ID),
      link('/jobs/' + encodeURIComponent(e.JobID) + query({ namespace: e.Namespace }), e.JobID),
      stateName(e.ComputeState?.StateType, EXECUTION_STATES), time(e.CreateTime)]), 'node-executions')
      : el('p', { className: 'muted' }, 'None.'));
  }

  load();
  every(5000, load);
}
