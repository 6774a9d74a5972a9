/**
 * Every surface's help, gathered from the short text kept beside each surface's component, and
 * which surface the learner is on (the one holding focus, else the open one).
 */
import { ADMIN_HELP } from '../admin/help';
import { CONNECT_HELP } from '../connect/help';
import { MAP_HELP } from '../mapHelp';
import { MYACCOUNT_HELP } from '../myaccount/help';
import { PHONE_HELP } from '../phone/help';
import { SIGNIN_HELP } from '../signin/help';
import { SSPR_HELP } from '../sspr/help';
import { CONSOLE_HELP } from '../terminal/help';
import { TOOLS_HELP } from '../tools/help';
import type { Surface, ToolId } from '../../state/uiStore';
import type { SurfaceHelp } from './surfaceHelp';

/** A surface with its own help: each surface tab (each server tool on its own), the consoles, the phone. */
export type HelpTopic = Exclude<Surface, 'tools'> | ToolId | 'console' | 'phone';

export const HELP: Record<HelpTopic, SurfaceHelp> = {
  map: MAP_HELP,
  admin: ADMIN_HELP,
  connect: CONNECT_HELP,
  sspr: SSPR_HELP,
  myaccount: MYACCOUNT_HELP,
  signin: SIGNIN_HELP,
  console: CONSOLE_HELP,
  phone: PHONE_HELP,
  ...TOOLS_HELP,
};

/** The attribute that marks a region (the console, the phone, the server tool shown) as a surface with its own help. */
const HELP_REGION = 'data-help-topic';

const isTopic = (s: string | null | undefined): s is HelpTopic => !!s && Object.hasOwn(HELP, s);

/**
 * The topic for where the learner is: the marked region holding focus (the console, the phone),
 * else the marked region of the open surface (the server tool shown), else the open surface.
 */
export function helpTopicFor(surface: Surface, focused: Element | null, doc: ParentNode): HelpTopic {
  const region = focused?.closest(`[${HELP_REGION}]`)?.getAttribute(HELP_REGION);
  if (isTopic(region)) return region;
  const shown = doc.querySelector(`main [${HELP_REGION}]`)?.getAttribute(HELP_REGION);
  if (surface === 'tools' && isTopic(shown)) return shown;
  return surface === 'tools' ? 'events' : surface;
}
