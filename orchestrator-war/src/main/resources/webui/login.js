import { el, fill } from './dom.js';
import { api, auth } from './api.js';

/** The login page: an API key, or a username and password; checked against the API before it is kept. */
export function loginPage(main, { next, reason }) {
  const key = el('input', { type: 'password', id: 'api-key', autocomplete: 'off', placeholder: 'API key' });
  const user = el('input', { type: 'text', id: 'username', autocomplete: 'username', placeholder: 'Username' });
  const password = el('input', { type: 'password', id: 'password', autocomplete: 'current-password', placeholder: 'Password' });
  const message = el('p', { className: 'error', id: 'login-error' }, reason || '');
  const form = el('form', { className: 'login', onsubmit: async event => {
    event.preventDefault();
    const credential = key.value ? auth.apiKey(key.value) : auth.basic(user.value, password.value);
    const previous = auth.get();
    auth.set(credential);
    try {
      await api('/orchestrator/nodes?limit=1');
      next();
    } catch (e) {
      if (e.status === 403) { next(); return; }  // signed in, but without node reads
      if (previous) auth.set(previous); else auth.clear();
      fill(message, e.message + (e.hint ? ' — ' + e.hint : ''));
    }
  } },
  el('h1', {}, 'Sign in'),
  el('p', { className: 'muted' }, 'This API needs credentials. They are kept in this tab only, until it closes.'),
  el('label', {}, 'API key', key),
  el('p', { className: 'muted' }, 'or'),
  el('label', {}, 'Username', user),
  el('label', {}, 'Password', password),
  el('button', { type: 'submit', id: 'login' }, 'Sign in'),
  message);
  fill(main, form);
}
