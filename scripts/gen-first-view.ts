/**
 * `npm run gen:first-view`: writes src-renderer/lab/firstView.json, a new lab's title and the parts
 * of its learner view (`new Lab().learnerView()`) the first screen shows, which it renders before the engine is loaded
 * (src-renderer/lab/labHost.ts). A new lab is deterministic; test/renderer/lab/firstView.test.ts
 * recomputes it and fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'prettier';
import { Lab } from '../simulation';
import { FIRST_SCREEN_KEYS } from '../src-renderer/lab/labHost';

async function main(): Promise<void> {
  const lab = new Lab();
  const view = lab.learnerView();
  const first = {
    title: lab.definition.title,
    view: Object.fromEntries(FIRST_SCREEN_KEYS.filter((k) => k in view).map((k) => [k, view[k]])),
  };
  lab.stop();
  const file = join(resolve(__dirname, '..'), 'src-renderer', 'lab', 'firstView.json');
  const text = await format(JSON.stringify(first), {
    parser: 'json',
    singleQuote: true,
    printWidth: 110,
    trailingComma: 'all',
  });
  writeFileSync(file, text);
  console.log(`wrote ${file} (${text.length} characters)`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
