/**
 * Every surface has its Help text (what real tool it mirrors, what the lab simplifies), kept beside
 * the surface's component; and the Help panel picks the surface the learner is on.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP, helpTopicFor, type HelpTopic } from '../../../src-renderer/components/help/helpTopics';
import { SURFACES, TOOL_IDS } from '../../../src-renderer/state/uiStore';

const COMPONENTS = resolve(__dirname, '../../../src-renderer/components');

/** Each topic, the component it is the help of, and the file beside it that holds the text. */
const BESIDE: Record<HelpTopic, [component: string, help: string]> = {
  map: ['LabCanvas.tsx', 'mapHelp.ts'],
  admin: ['admin/AdminCenter.tsx', 'admin/help.ts'],
  connect: ['connect/ConnectWizard.tsx', 'connect/help.ts'],
  sspr: ['sspr/SsprPortal.tsx', 'sspr/help.ts'],
  myaccount: ['myaccount/MyAccount.tsx', 'myaccount/help.ts'],
  signin: ['signin/SignInScreen.tsx', 'signin/help.ts'],
  console: ['terminal/XtermConsole.tsx', 'terminal/help.ts'],
  phone: ['phone/PhoneDock.tsx', 'phone/help.ts'],
  servermanager: ['tools/ServerManager.tsx', 'tools/help.ts'],
  events: ['tools/EventViewer.tsx', 'tools/help.ts'],
  services: ['tools/ServicesConsole.tsx', 'tools/help.ts'],
  syncmanager: ['tools/SyncServiceManager.tsx', 'tools/help.ts'],
  aduc: ['tools/ActiveDirectoryUsers.tsx', 'tools/help.ts'],
  gateway: ['tools/GatewayPage.tsx', 'tools/help.ts'],
};

const topics: HelpTopic[] = [...SURFACES.filter((s) => s !== 'tools'), ...TOOL_IDS, 'console', 'phone'];

describe('every surface has a help text', () => {
  it('covers every surface tab, every server tool, the consoles and the phone, and nothing else', () => {
    expect(Object.keys(HELP).sort()).toEqual([...topics].sort());
    expect(topics).toHaveLength(14);
  });

  for (const topic of topics) {
    it(`${topic}: names the real tool it mirrors and what the lab simplifies, beside its component`, () => {
      const help = HELP[topic];
      expect(help.title.length).toBeGreaterThan(3);
      // A sentence or two each, not a placeholder.
      expect(help.mirrors.length).toBeGreaterThan(80);
      expect(help.simplifies.length).toBeGreaterThan(80);
      expect(help.mirrors).not.toBe(help.simplifies);
      const [component, file] = BESIDE[topic];
      expect(existsSync(join(COMPONENTS, component)), component).toBe(true);
      // The text lives in the file beside the component, not only in the registry.
      expect(readFileSync(join(COMPONENTS, file), 'utf8')).toContain(help.title);
    });
  }

  it('the titles are all different', () => {
    const titles = topics.map((t) => HELP[t].title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});

/** A stand-in for a DOM element: the nearest marked region above it, if any. */
const inRegion = (topic: string | null) =>
  ({ closest: () => (topic ? { getAttribute: () => topic } : null) }) as unknown as Element;
const page = (shown: string | null) =>
  ({ querySelector: () => (shown ? { getAttribute: () => shown } : null) }) as unknown as ParentNode;

describe('the help that opens is the surface the learner is on', () => {
  it('the region holding focus wins (the console over the admin center)', () => {
    expect(helpTopicFor('admin', inRegion('console'), page(null))).toBe('console');
    expect(helpTopicFor('map', inRegion('phone'), page(null))).toBe('phone');
  });

  it('else the open surface, and on Server tools the tool shown', () => {
    expect(helpTopicFor('admin', inRegion(null), page(null))).toBe('admin');
    expect(helpTopicFor('tools', null, page('syncmanager'))).toBe('syncmanager');
    expect(helpTopicFor('tools', null, page(null))).toBe('events');
  });

  it('an unknown region name is ignored', () => {
    expect(helpTopicFor('sspr', inRegion('nonsense'), page(null))).toBe('sspr');
  });
});
