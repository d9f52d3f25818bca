import { el, fill, table, link, bar, bytes } from './dom.js';
import { api, query } from './api.js';

const MINUTES = 30;
const SERIES = [['submitted', 'Submitted'], ['completed', 'Completed'], ['failed', 'Failed']];

/**
 * The cluster dashboard: jobs submitted / completed / failed per minute over the last half hour and the job counts
 * (the API's summary, over every job), queue depth (pending + queued, sampled while the page is open) and each
 * node's CPU / memory / GPU allocation.
 */
export function dashboardPage(main, { every }) {
  const rates = el('div', { id: 'rates' });
  const queue = el('div', { id: 'queue' });
  const nodes = el('div', { id: 'allocation' });
  const error = el('p', { className: 'error' });
  const depth = [];   // [time, pending + queued]
  fill(main, el('h1', {}, 'Dashboard'), error, el('h2', {}, 'Jobs per minute (last ' + MINUTES + ' min)'), rates,
    el('h2', {}, 'Queue depth (pending + queued, since this page opened)'), queue, el('h2', {}, 'Allocation per node'), nodes);

  async function load() {
    try {
      const [summary, nodeList] = await Promise.all([api('/orchestrator/summary' + query({ minutes: MINUTES })),
        api('/orchestrator/nodes' + query({ limit: 1000 }))]);
      const a = summary.Activity;
      const byState = summary.Jobs.ByState;
      fill(error);
      fill(rates, chart(a.Submitted.map((n, i) => ({ submitted: n, completed: a.Completed[i], failed: a.Failed[i] })), SERIES),
        legend(SERIES));
      depth.push([Date.now(), (byState.Pending || 0) + (byState.Queued || 0)]);
      if (depth.length > 360) depth.shift();
      fill(queue, chart(depth.map(([, n]) => ({ depth: n })), [['depth', 'Queue depth']]),
        el('p', { className: 'muted', id: 'queue-now' }, 'now: ' + depth[depth.length - 1][1]));
      fill(nodes, table(['Node', 'CPU', 'Memory', 'GPU', 'Running'], (nodeList.Nodes || [])
        .filter(n => n.Info?.ComputeNodeInfo).map(n => {
          const c = n.Info.ComputeNodeInfo;
          const used = f => Math.max(0, (c.MaxCapacity?.[f] || 0) - (c.AvailableCapacity?.[f] ?? c.MaxCapacity?.[f] ?? 0));
          const cell = (f, fmt) => c.MaxCapacity?.[f] ? bar(used(f), c.MaxCapacity[f], fmt(used(f)) + ' / ' + fmt(c.MaxCapacity[f])) : '–';
          return [link('/nodes/' + encodeURIComponent(n.Info.NodeID), n.Info.NodeID),
            cell('CPU', v => String(Math.round(v * 100) / 100)), cell('Memory', bytes), cell('GPU', String), c.RunningExecutions];
        })));
    } catch (e) { fill(error, e.message); }
  }
  load();
  every(5000, load);
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** A line chart of points (objects with one number per series key); axis from 0 to the largest value. */
function chart(points, series) {
  const w = 600, h = 140, pad = 24;
  const max = Math.max(1, ...points.flatMap(p => series.map(([k]) => p[k] || 0)));
  const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, class: 'chart', role: 'img' });
  root.append(svg('line', { x1: pad, y1: h - pad, x2: w, y2: h - pad, class: 'axis' }));
  const label = svg('text', { x: 2, y: 12, class: 'axis-label' });
  label.textContent = String(max);
  root.append(label);
  const x = i => pad + (points.length > 1 ? i * (w - pad) / (points.length - 1) : 0);
  const y = v => h - pad - (v / max) * (h - 2 * pad);
  series.forEach(([key], s) => {
    root.append(svg('polyline', { points: points.map((p, i) => x(i) + ',' + y(p[key] || 0)).join(' '), class: 'series s' + s }));
  });
  return root;
}

function legend(series) {
  return el('div', { className: 'legend' }, series.map(([, name], s) => el('span', { className: 'key s' + s }, name)));
}
