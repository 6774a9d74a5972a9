import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { MenuAction } from '../../src-main/bridge';
import { menuTemplate } from '../../src-main/menu';

const items = (m: MenuItemConstructorOptions) => (m.submenu ?? []) as MenuItemConstructorOptions[];

function template(platform: NodeJS.Platform, devToolsAllowed = false) {
  const sent: MenuAction[] = [];
  const t = menuTemplate({
    platform,
    send: (a) => sent.push(a),
    devToolsAllowed,
    showAbout: vi.fn(),
    openSessionsFolder: vi.fn(),
  });
  return { t, sent };
}

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help, with the usual shortcuts', () => {
    const { t, sent } = template('linux');
    expect(t.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    const file = items(t[0]!);
    const byLabel = Object.fromEntries(file.filter((i) => i.label).map((i) => [i.label, i]));
    expect(byLabel['&New session…']?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel['&Open…']?.accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel['Save a &copy…']?.accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(byLabel['&Export report…']?.accelerator).toBe('CmdOrCtrl+E');
    expect(file.at(-1)).toMatchObject({ role: 'quit' });
    for (const label of ['&New session…', '&Open…', 'Save a &copy…', '&Export report…'])
      (byLabel[label]!.click as () => void)();
    expect(sent).toEqual(['new-session', 'open-session', 'save-copy', 'export-report']);
    expect(t[1]).toMatchObject({ role: 'editMenu' });
    expect(
      items(t[2]!)
        .map((i) => i.role)
        .filter(Boolean),
    ).toEqual(['resetZoom', 'zoomIn', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('offers the developer tools only when they are allowed', () => {
    expect(items(template('linux', true).t[2]!).some((i) => i.role === 'toggleDevTools')).toBe(true);
    expect(items(template('linux', false).t[2]!).some((i) => i.role === 'toggleDevTools')).toBe(false);
  });

  it("follows macOS's habits: the app menu first, Close instead of Quit in File", () => {
    const { t } = template('darwin');
    expect(t[0]).toEqual({ role: 'appMenu' });
    expect(items(t[1]!).at(-1)).toEqual({ role: 'close' });
  });
});
