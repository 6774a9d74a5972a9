/// <reference types="vite/client" />
/**
 * The scenario pack as built into the Electron main process (the packaged app ships no loose
 * files): the hub of an instructor's app assigns from it, with the summaries, solutions and hint
 * texts that only the hub holds.
 */
const files = import.meta.glob('../../assets/scenarios/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
}) as Record<string, string>;

export function bundledScenarioTexts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) out[path.split('/').pop() ?? path] = text;
  return out;
}
