/**
 * The report a learner hands in, as one self-contained HTML page: the debrief (cause, evidence,
 * what they did, the reference), the objectives with times, the score and both times, the
 * timeline, and the signed result's key fingerprint. Inline styles only, no scripts, no external
 * resources: it opens offline and prints (the Electron app also prints it to PDF). Pure.
 */
import { formatIsoLocal } from '../core/time';
import { formatDuration } from './describe';
import type { Debrief } from './debrief';
import type { ResultPayload } from './result';

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const clock = (ms: number) => formatIsoLocal(ms).slice(11, 16);

const STYLE = `
body{font:14px/1.45 "Segoe UI",system-ui,sans-serif;color:#1b1b1b;max-width:900px;margin:24px auto;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:22px 0 6px;border-bottom:1px solid #ccc}
h3{font-size:15px;margin:14px 0 4px}.meta{color:#555}.ok{color:#0b6a0b}.bad{color:#a4262c}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
pre{white-space:pre-wrap;margin:2px 0;font:12px/1.35 Consolas,monospace;background:#f5f5f5;padding:4px}
.t{white-space:nowrap;color:#555;width:4em}.score{font-size:18px}
@media print{body{margin:0}h2{break-after:avoid}tr,pre{break-inside:avoid}}`;

export function reportHtml(
  d: Debrief,
  r: ResultPayload,
  opts: { exportedAtMs?: number; publicKey?: string; unsigned?: string } = {},
): string {
  const s = d.score;
  const rows = (items: string[]) => items.join('\n');
  const causes = d.causes.map(
    (c) => `<h3>${esc(c.title)}</h3>
<p>${esc(c.cause)}</p>
<p><b>Fix:</b> ${esc(c.fix)}</p>
<p><b>Your fix:</b> ${
      c.learnerFix
        ? `${esc(c.learnerFix.text)} <span class="meta">(${clock(c.learnerFix.at)})</span>`
        : `<span class="bad">${c.holdsAtEnd ? 'not fixed: it still held at the end' : 'it went away without a fix of yours'}</span>`
    }</p>
<p><b>How it showed</b>${c.evidence.length ? '' : ': the lab logged nothing for it on your route.'}</p>
${
  c.evidence.length
    ? `<table><tr><th>Lab time</th><th>Where</th><th>What the lab said</th></tr>
${rows(
  c.evidence.map(
    (e) =>
      `<tr><td class="t">${clock(e.at)}</td><td>${esc(e.where)}${e.seen ? '' : ' <span class="meta">(you did not look)</span>'}${e.repeats ? ` <span class="meta">(${e.repeats} more)</span>` : ''}</td><td><pre>${esc(e.text)}</pre></td></tr>`,
  ),
)}</table>`
    : ''
}`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(`HybridLab report: ${r.scenario.title} (${r.learnerName || 'no name'})`)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${STYLE}</style></head><body>
<h1>${esc(r.scenario.title)}</h1>
<p class="meta">Learner: <b>${esc(r.learnerName || '(no name)')}</b> · scenario ${esc(r.scenario.id)} (version ${esc(r.scenario.version)}) · seed ${r.seed}${opts.exportedAtMs !== undefined ? ` · exported ${esc(formatIsoLocal(opts.exportedAtMs).slice(0, 16))} UTC` : ''}</p>
<p class="score"><b>${esc(d.status)}</b> · score <b>${s.total} / ${s.max}</b> (pass mark ${s.passMark}) · <span class="${s.passed ? 'ok' : 'bad'}">${s.passed ? 'passed' : 'not passed'}</span></p>
<p>Active time ${esc(formatDuration(d.activeMs))} (idle gaps over 5 minutes not counted) · lab time ${esc(formatDuration(d.labMs))}</p>
<h2>Score</h2>
<table><tr><td>Objectives met</td><td>${s.objectives}</td></tr><tr><td>Hints</td><td>−${s.hints}</td></tr>
${rows(s.collateral.map((c) => `<tr><td>Collateral: ${esc(c.title)}</td><td>−${c.cost}</td></tr>`))}
<tr><td>Time (${s.activeMinutes} active min)</td><td>−${s.time}</td></tr><tr><th>Total</th><th>${s.total}</th></tr></table>
${d.causes.length ? `<h2>What was wrong</h2>\n${causes.join('\n')}` : ''}
<h2>Objectives</h2>
<table><tr><th></th><th>Objective</th><th>Points</th><th>Met at</th></tr>
${rows(r.objectives.map((o) => `<tr><td>${o.met ? '✔' : '✘'}</td><td>${esc(o.title)}${o.required ? '' : ' <span class="meta">(optional)</span>'}</td><td>${o.points}</td><td>${o.metAt !== undefined ? clock(o.metAt) : ''}</td></tr>`))}
</table>
<h2>What you looked at</h2>
${d.lookedAt.length ? `<table>${rows(d.lookedAt.map((l) => `<tr><td class="t">${clock(l.at)}</td><td>${esc(l.text)}</td></tr>`))}</table>` : '<p>No diagnostic commands, logs or tool pages.</p>'}
<h2>Hints taken</h2>
${d.hints.length ? `<table>${rows(d.hints.map((h) => `<tr><td class="t">${clock(h.at)}</td><td>${esc(h.text)}</td><td>−${h.cost}</td></tr>`))}</table>` : '<p>None.</p>'}
<h2>Timeline</h2>
<table>${rows(d.timeline.map((t) => `<tr><td class="t">${clock(t.at)}</td><td>${esc(t.text)}</td></tr>`))}</table>
<h2>Reference solution</h2>
<pre>${esc(d.reference.join('\n'))}</pre>
<p class="meta">${opts.publicKey ? `Signed result: Ed25519, key ${esc(opts.publicKey.slice(0, 16))}…. The JSON result carries the journal; <code>npm run lab -- verify result.json</code> checks the signature and replays it.` : `The JSON result exported with this report is <b>not signed</b>${opts.unsigned ? ` (${esc(opts.unsigned)})` : ''}: <code>npm run lab -- verify result.json --allow-unsigned</code> replays its journal, but nothing proves the file was not edited.`}</p>
</body></html>
`;
}
