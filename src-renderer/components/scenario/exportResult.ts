/**
 * What the debrief hands out once a run has ended: the self-contained HTML report, the JSON result
 * (signed with the installation's Ed25519 key through the platform, or honestly labelled unsigned
 * where no key can be kept), and the report as PDF (printed by the desktop app; a print view in a
 * browser).
 */
import {
  buildResult,
  debriefOf,
  reportHtml,
  signedText,
  signResult,
  unsignedResult,
  type ExportedResult,
  type ScenarioRun,
} from '../../../simulation';
import type { Platform, SaveResult } from '../../platform/Platform';

export interface Exported {
  result: ExportedResult;
  html: string;
  /** Why the result is not signed, when it is not. */
  unsigned?: string;
}

/** A file name from the learner's name and the scenario's title (no path characters). */
export function exportName(run: ScenarioRun, ext: string): string {
  const who = (run.learnerName ?? 'learner').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const what = run.scenario.title
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${who || 'learner'}-${what || 'scenario'}.${ext}`;
}

/** The result (signed if the platform can) and the report that goes with it. */
export async function prepareExport(run: ScenarioRun, platform: Platform): Promise<Exported> {
  const payload = buildResult(run);
  const sig = await platform.signResult(signedText(payload));
  const exportedAtMs = Date.now();
  if (sig.ok) {
    const result = await signResult(payload, {
      publicKey: sig.value.publicKey,
      sign: () => sig.value.signature,
    });
    return {
      result,
      html: reportHtml(debriefOf(run), payload, { exportedAtMs, publicKey: sig.value.publicKey }),
    };
  }
  const why =
    sig.error === 'unsupported'
      ? 'this browser cannot keep an Ed25519 key (no WebCrypto Ed25519)'
      : `signing failed: ${sig.error}`;
  return {
    result: unsignedResult(payload, why),
    html: reportHtml(debriefOf(run), payload, { exportedAtMs, unsigned: why }),
    unsigned: why,
  };
}

export async function exportHtml(run: ScenarioRun, platform: Platform): Promise<SaveResult> {
  const e = await prepareExport(run, platform);
  return platform.exportFile(exportName(run, 'html'), e.html);
}

export async function exportJson(
  run: ScenarioRun,
  platform: Platform,
): Promise<SaveResult & { unsigned?: string }> {
  const e = await prepareExport(run, platform);
  const r = await platform.exportFile(
    exportName(run, 'result.json'),
    `${JSON.stringify(e.result, null, 2)}\n`,
  );
  return e.unsigned ? { ...r, unsigned: e.unsigned } : r;
}

export async function exportPdf(run: ScenarioRun, platform: Platform): Promise<SaveResult> {
  const e = await prepareExport(run, platform);
  return platform.exportPdf(exportName(run, 'pdf'), e.html);
}
