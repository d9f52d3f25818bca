// The Web UI's entry: routes, the connection indicator, the theme and the login flow (docs/webui.md).
import { el, fill } from './dom.js';
import { api, auth } from './api.js';
import { jobsPage } from './jobs.js';
import { jobPage } from './job.js';
import { nodesPage, nodePage } from './nodes.js';
import { loginPage } from './login.js';
import { dashboardPage } from './dashboard.js';
import { submitPage } from './submit.js';

const main = document.getElementById('main');
let leaving = [];   // cleanups of the current page (timers, sockets)

function leave() {
  for (const f of leaving) f();
  leaving = [];
}

/** Context handed to a page: parameters, navigation, timers that stop when the page is left. */
function context(params, extra = {}) {
  return {
    params, go, ...extra,
    every: (ms, f) => {
      const t = setInterval(() => { if (!document.hidden) f(); }, ms);
      leaving.push(() => clearInterval(t));
    },
    onLeave: f => leaving.push(f),
  };
}

function route() {
  leave();
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const params = new URLSearchParams(location.search);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  document.querySelectorAll('header nav a').forEach(a => a.classList.toggle('active', path.startsWith(a.getAttribute('href'))));
  if (path === '/' || path === '/jobs') return jobsPage(main, context(params));
  if (parts[0] === 'jobs' && parts.length === 2) return jobPage(main, context(params, { id: parts[1] }));
  if (parts[0] === 'nodes' && parts.length === 1) return nodesPage(main, context(params));
  if (parts[0] === 'nodes' && parts.length === 2) return nodePage(main, context(params, { id: parts[1] }));
  if (path === '/dashboard') return dashboardPage(main, context(params));
  if (path === '/submit') return submitPage(main, context(params));
  if (parts[0] === 'login') return loginPage(main, { next: () => go(params.get('next') || '/jobs') });
  fill(main, el('h1', {}, 'Not found'), el('p', {}, 'No page at ' + path + '.'));
}

function go(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  route();
}

// same-origin links change the page without a reload
document.addEventListener('click', event => {
  const a = event.target.closest('a');
  if (!a || a.target || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  event.preventDefault();
  go(url.pathname + url.search);
});
window.addEventListener('popstate', route);

window.addEventListener('bacalao-unauthorized', event => {
  if (location.pathname === '/login') return;
  leave();
  const next = location.pathname + location.search;
  history.pushState(null, '', '/login?next=' + encodeURIComponent(next));
  loginPage(main, { next: () => go(next), reason: auth.get() ? event.detail.message : '' });
});

// connection indicator: agent/alive every 5 s
const indicator = document.getElementById('connection');
async function alive() {
  try {
    const r = await api('/agent/alive');
    indicator.className = 'connection ' + (r?.Status === 'OK' ? 'up' : 'down');
    indicator.textContent = r?.Status === 'OK' ? 'connected' : 'unhealthy';
  } catch {
    indicator.className = 'connection down';
    indicator.textContent = 'disconnected';
  }
  document.getElementById('logout').hidden = !auth.get();
}
alive();
setInterval(alive, 5000);

// theme: the system's unless chosen here (kept in localStorage: a preference, not a secret)
const root = document.documentElement;
const savedTheme = localStorage.getItem('bacalao.theme');
if (savedTheme) root.dataset.theme = savedTheme;
document.getElementById('theme').addEventListener('click', () => {
  const dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  root.dataset.theme = dark ? 'light' : 'dark';
  localStorage.setItem('bacalao.theme', root.dataset.theme);
});
document.getElementById('logout').addEventListener('click', () => {
  auth.clear();
  go('/login');
});

route();
