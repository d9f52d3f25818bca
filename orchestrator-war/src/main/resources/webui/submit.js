import { el, fill } from './dom.js';
import { api } from './api.js';

const EXAMPLE = `Name: hello
Type: batch
Count: 1
Tasks:
  - Name: main
    Engine:
      Type: docker
      Params:
        Image: ubuntu:latest
        Entrypoint:
          - echo
          - hello
`;

/** js-yaml, loaded the first time a spec is read (only this page needs it). */
let yaml;
async function parser() {
  yaml ??= await import('./vendor/js-yaml.mjs');
  return yaml;
}

/**
 * The submit page: a job spec in YAML (or JSON, which is YAML too), as `bacalao job run` takes it, read in the
 * browser and checked through PUT /jobs/diff before it is submitted. A YAML error names its line and column; the
 * API's refusal is shown under the editor; for a job that exists (same name) the dry-run diff is shown.
 */
export function submitPage(main, { go }) {
  const editor = el('textarea', { id: 'spec-editor', spellcheck: false, rows: 22, value: EXAMPLE });
  const result = el('div', { id: 'submit-result' });
  const submit = el('button', { type: 'button', id: 'submit', disabled: true, onclick: send }, 'Submit');
  const file = el('input', { type: 'file', id: 'spec-file', accept: '.yaml,.yml,.json' });

  async function parse() {
    const { load, CORE_SCHEMA } = await parser();
    let job;
    try {
      job = load(editor.value, { schema: CORE_SCHEMA });
    } catch (e) {
      const where = e.mark ? ' (line ' + (e.mark.line + 1) + ', column ' + (e.mark.column + 1) + ')' : '';
      fill(result, el('p', { className: 'error', id: 'spec-error' }, 'Not valid YAML: ' + (e.reason || e.message) + where),
        e.mark?.snippet ? el('pre', { className: 'json' }, e.mark.snippet) : null);
      return null;
    }
    if (job === null || typeof job !== 'object' || Array.isArray(job)) {
      fill(result, el('p', { className: 'error', id: 'spec-error' }, 'A job spec is a mapping of job fields (Name, Type, Tasks …).'));
      return null;
    }
    return { Job: job };
  }

  async function validate() {
    submit.disabled = true;
    const body = await parse();
    if (!body) return;
    try {
      const r = await api('/orchestrator/jobs/diff', { method: 'PUT', body });
      fill(result, el('p', { className: 'ok', id: 'valid' }, 'Valid: an update of the existing job ' + body.Job.Name + '.'),
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
    const body = await parse();
    if (!body) return;
    try {
      const r = await api('/orchestrator/jobs', { method: 'PUT', body });
      go('/jobs/' + encodeURIComponent(r.JobID));
    } catch (e) {
      fill(result, el('p', { className: 'error', id: 'spec-error' }, e.message), e.hint ? el('p', { className: 'muted' }, e.hint) : null);
    }
  }

  editor.addEventListener('input', () => { submit.disabled = true; });
  file.addEventListener('change', async () => {
    if (!file.files.length) return;
    editor.value = await file.files[0].text();
    submit.disabled = true;
    fill(result);
  });
  fill(main, el('h1', {}, 'Submit a job'),
    el('p', { className: 'muted' }, 'A job spec in YAML or JSON (Bacalhau\'s keys, as for bacalao job run). Validate asks the API for a dry run (PUT /jobs/diff).'),
    el('label', { className: 'inline' }, 'Open a file: ', file),
    editor, el('div', { className: 'actions' }, el('button', { type: 'button', id: 'validate', onclick: validate }, 'Validate'), submit),
    result);
}

function warnings(list) {
  return list?.length ? el('ul', { className: 'notice' }, list.map(w => el('li', {}, w))) : null;
}
