/**
 * The application menu: File (New session, Open, Save a copy, Export report, Instructor mode, Quit), Edit, View
 * (zoom, full screen), Window and Help, with the usual shortcuts and standard roles. Actions that
 * belong to the page go to it through the bridge's menu channel (`send`).
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from './bridge';

export interface MenuDeps {
  platform: NodeJS.Platform;
  send(action: MenuAction): void;
  devToolsAllowed: boolean;
  showAbout(): void;
  openSessionsFolder(): void;
}

export function menuTemplate(d: MenuDeps): MenuItemConstructorOptions[] {
  const mac = d.platform === 'darwin';
  const page = (label: string, action: MenuAction, accelerator: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => d.send(action),
  });
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      page('&New session…', 'new-session', 'CmdOrCtrl+N'),
      page('&Open…', 'open-session', 'CmdOrCtrl+O'),
      { type: 'separator' },
      page('Save a &copy…', 'save-copy', 'CmdOrCtrl+Shift+S'),
      page('&Export report…', 'export-report', 'CmdOrCtrl+E'),
      { type: 'separator' },
      page('&Instructor mode…', 'instructor-mode', 'CmdOrCtrl+Shift+L'),
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit', label: 'E&xit', accelerator: 'Alt+F4' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      // Ctrl+= (without Shift) zooms in too, as in browsers.
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+=', visible: false },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(d.devToolsAllowed ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: 'Open the sessions folder', click: () => d.openSessionsFolder() },
      ...(mac
        ? []
        : [{ type: 'separator' as const }, { label: '&About HybridLab', click: () => d.showAbout() }]),
    ],
  };
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    file,
    { role: 'editMenu', label: '&Edit' },
    view,
    { role: 'windowMenu', label: '&Window' },
    help,
  ];
}
