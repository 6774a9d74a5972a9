// `npm start`: open HybridLab in its Electron window when Electron's runtime is installed;
// otherwise say why in one sentence and serve the same app to a local browser on 127.0.0.1.
// `npm run dev` does the same with hot reload.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { homedir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { electronBinary, electronPackageDir } from './electron-binary.mjs';
import { startStaticServer } from './static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
const forceBrowser = process.argv.includes('--browser') || process.env.HYBRIDLAB_BROWSER === '1';
// `npm start -- --instructor`: the app opens with the instructor's unlock dialog (the Electron main
// process reads HYBRIDLAB_INSTRUCTOR; a browser gets `?instructor` in the address).
const instructor = process.argv.includes('--instructor');
if (instructor) process.env.HYBRIDLAB_INSTRUCTOR = '1';
const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');

function tryDownloadElectron() {
  const dir = electronPackageDir();
  if (!dir || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'ignore', timeout: 20_000 });
}

function run(args) {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

let exe = forceBrowser ? undefined : electronBinary();
if (!exe && !forceBrowser) {
  tryDownloadElectron();
  exe = electronBinary();
}

if (exe) {
  run(dev ? ['dev'] : ['preview']);
} else {
  console.log(
    forceBrowser
      ? 'Starting HybridLab in your browser, as asked.'
      : "There is no Electron window because Electron's runtime is not installed on this machine (it could not be downloaded), so HybridLab runs in your browser instead.",
  );
  if (dev) {
    run(['dev', '--rendererOnly']);
  } else {
    const build = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0 || !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
      console.error('HybridLab could not be built; see the messages above.');
      process.exit(1);
    }
    const port = Number(process.env.PORT) || 5173;
    // The classroom host (a class's hub for an instructor, the link to it for a learner) lives in
    // this server, reached by the page at /classroom on the same origin.
    const { attachClassroom } = await import(
      pathToFileURL(join(root, 'out', 'main', 'classroomHost.js')).href
    );
    const dataDir = process.env.HYBRIDLAB_DATA || join(homedir(), '.hybridlab');
    const { url: base } = await startStaticServer(join(root, 'out', 'renderer'), {
      port,
      attach: (server) =>
        attachClassroom(server, {
          dataDir,
          scenariosDir: join(root, 'assets', 'scenarios'),
          log: (line) => console.log(line),
        }),
    });
    const url = instructor ? `${base}?instructor` : base;
    console.log(
      `HybridLab is running at ${url} — open it in Chromium, Chrome, Edge or Firefox. Press Ctrl+C to stop.`,
    );
  }
}
