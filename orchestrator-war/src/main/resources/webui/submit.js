import { el, fill } from './dom.js';
import { api } from './api.js';

const EXAMPLE = {
  Name: 'hello', Type: 'batch', Count: 1,
  Tasks: [{ Name: 'main', Engine: { Type: 'docker', Params: { Image: 'ubuntu:latest', Entrypoint: ['echo', 'hello'] } } }],
};

/**
 * The submit page: a job spec (JSON) checked through PUT /jobs/diff before it is submitted. The API's refusal is
 * shown under the editor; for a job that exists (same name) the dry-run diff is shown.
 */
export function submitPage(main, { go }) {
  const editor = el('textarea', { id: 'spec-editor', spellcheck: false, rows: 22, value: JSON.stringify(EXAMPLE, null, 2) });
  const result = el('div', { id: 'submit-result' });
  const submit = el('button', { type: 'button', id: 'submit', disabled: true, onclick: send }, 'Submit');

  function parse() {
    try {
      return { Job: JSON.parse(editor.value) };
    } catch (e) {
      fill(result, el('p', { className: 'error' }, 'Not JSON: ' + e.message));
      return null;
    }
  }

  async function validate() {
    submit.disabled = true;
    const body = parse();
    if (!body) return;
    try {
      const r = await api('/orchestrator/jobs/diff', { method: 'PUT', body });
      fill(result, el('p', { className: 'ok' }, 'Valid: an update of the existing job ' + body.Job.Name + '.'),
        warnings(r.Warnings), el('pre', { className: 'json', id: 'diff' }, r.Diff || 'no changes'));
      submit.disabled = false;
    } catch (e) {
      if (e.status === 404) {
        fill(result, el('p', { className: 'ok', id: 'valid' }, 'Valid: a new job.'));
        submit.disabled = false;
      } else {
        fill(result, el('p', { className: 'error', id: 'spec-error' }, e.message), e.hint ? el('p', { className: 'muted' }, e.hint) : null);
      }
    }
  }

  async function send() {
    const body = parse();
    if (!body) return;
    try {
      const r = await api('/orchestrator/jobs', { method: 'PUT', body });
      go('/jobs/' + encodeURIComponent(r.JobID));
    } catch (e) {
      fill(result, el('p', { className: 'error', id: 'spec-error' }, e.message), e.hint ? el('p', { className: 'muted' }, e.hint) : null);
    }
  }

  editor.addEventListener('input', () => { submit.disabled = true; });
  fill(main, el('h1', {}, 'Submit a job'),
    el('p', { className: 'muted' }, 'A job spec as JSON (Bacalhau\'s keys). Validate asks the API for a dry run (PUT /jobs/diff).'),
    editor, el('div', { className: 'actions' }, el('button', { type: 'button', id: 'validate', onclick: validate }, 'Validate'), submit),
    result);
}

function warnings(list) {
  return list?.length ? el('ul', { className: 'notice' }, list.map(w => el('li', {}, w))) : null;
}
