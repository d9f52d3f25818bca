import { el, fill, table, facts, link, time, safeUrl } from './dom.js';
import { api, query, logsSocket, stateName, EXECUTION_STATES, DESIRED_STATES } from './api.js';
import { versionsPanel } from './versions.js';

const TERMINAL = ['Completed', 'Failed', 'Stopped'];

/** One job: summary, why it waits, history, executions, results, raw spec, live logs, stop and rerun. */
export function jobPage(main, { id, params, every, onLeave }) {
  const ns = params.get('namespace') || '';
  const path = '/orchestrator/jobs/' + encodeURIComponent(id);
  const summary = el('section', { id: 'summary' });
  const actions = el('div', { className: 'actions' });
  const notice = el('p', { className: 'notice', id: 'notice' });
  const executions = el('section', { id: 'executions' });
  const history = el('section', { id: 'history' });
  const results = el('section', { id: 'results' });
  const spec = el('pre', { id: 'spec', className: 'json' });
  const logs = logsPanel(id, ns, onLeave, params.get('execution') || '');
  const versions = versionsPanel(path, ns);
  fill(main, el('h1', {}, 'Job ', el('span', { id: 'job-id' }, id)), actions, notice, summary,
    el('h2', {}, 'Logs'), logs.node, el('h2', {}, 'Executions'), executions, el('h2', {}, 'History'), history,
    el('h2', {}, 'Results'), results, el('h2', {}, 'Versions'), versions.node,
    el('details', {}, el('summary', {}, 'Spec (JSON)'), spec));

  let job;
  async function load() {
    try {
      const r = await api(path + query({ namespace: ns, include: 'history,executions' }));
      job = r.Job;
      showSummary(job);
      showExecutions(r.Executions?.Items || []);
      showHistory(r.History?.Items || []);
      spec.textContent = JSON.stringify(job, null, 2);
      logs.executions(r.Executions?.Items || [], job);
      versions.update(job);
      if (TERMINAL.includes(job.State?.StateType)) showResults();
    } catch (e) {
      fill(notice, e.message);
    }
  }

  function showSummary(j) {
    const details = j.State?.Details || {};
    const why = details.Why;
    fill(summary, facts([
      ['Name', j.Name], ['Namespace', j.Namespace], ['Type', j.Type],
      ['State', el('span', { className: 'state ' + j.State?.StateType, id: 'job-state' }, j.State?.StateType)],
      ['Message', j.State?.Message], ['Version', j.Version], ['Count', j.Count], ['Priority', j.Priority],
      ['Labels', Object.entries(j.Labels || {}).map(([k, v]) => el('span', { className: 'tag' }, k + '=' + v))],
      ['Created', time(j.CreateTime)], ['Modified', time(j.ModifyTime)],
    ]), why ? el('div', { className: 'why', id: 'why' }, el('h3', {}, j.State?.StateType === 'Failed' ? 'Why it could not be placed' : 'Why it waits'),
      el('p', {}, `Nodes requested ${details.NodesRequested ?? '?'}, available ${details.NodesAvailable ?? '?'}, suitable ${details.NodesSuitable ?? '?'}`),
      el('pre', {}, why)) : null);
    const terminal = TERMINAL.includes(j.State?.StateType);
    fill(actions,
      el('button', { type: 'button', id: 'stop', disabled: terminal, onclick: stop }, 'Stop'),
      el('button', { type: 'button', id: 'rerun', disabled: !terminal && j.State?.StateType !== 'Running', onclick: rerun }, 'Rerun'));
  }

  async function stop() {
    try {
      await api(path + query({ namespace: ns }), { method: 'DELETE', body: { reason: 'Stopped from the web UI' } });
      fill(notice, 'Stop requested.');
      load();
    } catch (e) { fill(notice, e.message); }
  }

  async function rerun() {
    try {
      const r = await api(path + '/rerun' + query({ namespace: ns }), { method: 'PUT', body: { JobVersion: 0, Reason: 'Rerun from the web UI' } });
      fill(notice, 'Rerun requested: version ' + r.JobVersion + '.');
      load();
    } catch (e) { fill(notice, e.message); }
  }

  function showExecutions(items) {
    fill(executions, table(['ID', 'Node', 'Version', 'State', 'Desired', 'Exit code', 'Created', 'Modified'], items.map(e => [
      link('/jobs/' + encodeURIComponent(id) + query({ namespace: ns, execution: e.ID }), e.ID),
      link('/nodes/' + encodeURIComponent(e.NodeID), e.NodeID), e.JobVersion,
      stateName(e.ComputeState?.StateType, EXECUTION_STATES) + (e.ComputeState?.Message ? ': ' + e.ComputeState.Message : ''),
      stateName(e.DesiredState?.StateType, DESIRED_STATES), e.RunOutput ? e.RunOutput.ExitCode : '',
      time(e.CreateTime), time(e.ModifyTime)])));
  }

  function showHistory(items) {
    fill(history, el('ol', { className: 'timeline' }, items.map(h => el('li', { className: h.Event?.Details?.IsError === 'true' ? 'error' : '' },
      el('time', {}, time(h.Time)), ' ', el('b', {}, h.Event?.Topic || h.Type), ' ',
      h.ExecutionID ? el('span', { className: 'muted' }, h.ExecutionID.slice(0, 10) + ' ') : null,
      h.Event?.Message || '',
      h.Event?.Details?.Hint ? el('div', { className: 'muted' }, h.Event.Details.Hint) : null))));
  }

  async function showResults() {
    try {
      const r = await api(path + '/results' + query({ namespace: ns }));
      fill(results, el('ul', {}, (r.Items || []).map(item => {
        const url = safeUrl(item.Params?.URL || item.Params?.PreSignedURL || '');
        return el('li', {}, item.Type + ' ', url ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url)
          : JSON.stringify(item.Params || {}));
      })), (r.Items || []).length ? null : el('p', { className: 'muted' }, 'No published results.'));
    } catch (e) { fill(results, el('p', { className: 'muted' }, e.message)); }
  }

  load();
  every(3000, () => { if (!job || !TERMINAL.includes(job.State?.StateType)) load(); });
}

/** Live logs over the websocket: follow, stdout/stderr toggles, one execution at a time ({@code wanted} first, from the URL). */
function logsPanel(jobId, ns, onLeave, wanted) {
  const output = el('pre', { id: 'logs', className: 'logs' });
  const follow = el('input', { type: 'checkbox', id: 'follow', checked: true });
  const stdout = el('input', { type: 'checkbox', id: 'show-stdout', checked: true });
  const stderr = el('input', { type: 'checkbox', id: 'show-stderr', checked: true });
  const status = el('span', { className: 'muted', id: 'logs-status' });
  const execution = el('select', { id: 'log-execution' }, el('option', { value: '' }, 'latest execution'));
  let socket = null;
  let opened = false;

  const toggles = () => {
    output.classList.toggle('hide-stdout', !stdout.checked);
    output.classList.toggle('hide-stderr', !stderr.checked);
  };
  stdout.addEventListener('change', toggles);
  stderr.addEventListener('change', toggles);

  function connect() {
    if (socket) socket.close();
    output.replaceChildren();
    const s = logsSocket(jobId, { namespace: ns, follow: follow.checked ? 'true' : 'false', execution_id: execution.value });
    socket = s;
    status.textContent = 'connecting…';
    s.onopen = () => { status.textContent = follow.checked ? 'following' : 'reading'; };
    s.onmessage = event => {
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      if (frame.error) {
        status.textContent = 'error: ' + (frame.error.Message || frame.error.message || JSON.stringify(frame.error));
        return;
      }
      const line = frame.value?.Line ?? '';
      if (!line) return;
      const atBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 4;
      output.append(el('span', { className: frame.value.Type === 2 ? 'stderr' : 'stdout' }, line));
      if (follow.checked && atBottom) output.scrollTop = output.scrollHeight;
    };
    s.onclose = () => { if (socket === s && !status.textContent.startsWith('error')) status.textContent = 'ended'; };
    s.onerror = () => { if (socket === s) status.textContent = 'the log stream failed'; };
  }

  follow.addEventListener('change', connect);
  execution.addEventListener('change', connect);
  onLeave(() => { if (socket) { const s = socket; socket = null; s.close(); } });

  return {
    node: el('div', { className: 'logs-panel' },
      el('div', { className: 'toolbar' }, execution,
        el('label', { className: 'inline' }, follow, ' follow'),
        el('label', { className: 'inline' }, stdout, ' stdout'),
        el('label', { className: 'inline' }, stderr, ' stderr'),
        el('button', { type: 'button', id: 'logs-reload', onclick: connect }, 'Reload'), status),
      output),
    /** Called with each refresh: keeps the execution choices, opens the stream once there is an execution. */
    executions(items, job) {
      const known = new Set([...execution.options].map(o => o.value));
      for (const e of items) {
        if (!known.has(e.ID)) execution.append(el('option', { value: e.ID, selected: e.ID === wanted }, e.ID + ' on ' + e.NodeID));
      }
      const started = items.some(e => [5, 6, 7, 9, 10].includes(e.ComputeState?.StateType));
      if (!opened && started) { opened = true; connect(); }
      if (!opened && TERMINAL.includes(job.State?.StateType) && items.length) { opened = true; connect(); }
    },
  };
}
