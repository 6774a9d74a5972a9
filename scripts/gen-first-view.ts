/**
 * `npm run gen:first-view`: writes src-renderer/lab/firstView.json, a new lab's title and learner
 * view (`new Lab().learnerView()`), which the first screen renders before the engine is loaded
 * (src-renderer/lab/labHost.ts). A new lab is deterministic; test/renderer/lab/firstView.test.ts
 * recomputes it and fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'prettier';
import { Lab } from '../simulation';

async function main(): Promise<void> {
  const lab = new Lab();
  const first = { title: lab.definition.title, view: lab.learnerView() };
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
