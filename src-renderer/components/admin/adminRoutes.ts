/**
 * The Microsoft Entra admin center's information architecture as data: the left navigation, the
 * pages (routes) with their breadcrumbs and blade titles ("Password reset | Properties"), and the
 * menus inside the Password reset, Authentication methods and Users blades. Labels follow
 * Microsoft's docs (2024-2025 portal: "Entra ID > Password reset", older "Protection > Password
 * reset"); pages the lab does not model open an honest "not in this lab" page.
 */
import { ADMIN_UI } from './adminTexts';

export interface NavLeaf {
  route: string;
  label: string;
}
export interface NavGroup {
  label: string;
  items: (NavLeaf | { label: string; items: NavLeaf[] })[];
}

/** Pages a learner can open that the lab does not reproduce. */
const na = (label: string): NavLeaf => ({ route: `na:${label}`, label });

export const NAV: (NavLeaf | NavGroup)[] = [
  { route: 'home', label: 'Home' },
  {
    label: 'Favorites',
    items: [
      { route: 'users', label: 'Users' },
      { route: 'pr:properties', label: 'Password reset' },
    ],
  },
  {
    label: 'Entra ID',
    items: [
      { route: 'overview', label: 'Overview' },
      { route: 'users', label: 'Users' },
      { route: 'groups', label: 'Groups' },
      na('Devices'),
      na('Enterprise apps'),
      na('App registrations'),
      na('Roles & admins'),
      { route: 'am:policies', label: 'Authentication methods' },
      { route: 'pr:properties', label: 'Password reset' },
      na('User settings'),
      { route: 'connect', label: 'Entra Connect' },
      {
        label: 'Monitoring & health',
        items: [
          { route: 'mon:signins', label: 'Sign-in logs' },
          { route: 'mon:audit', label: 'Audit logs' },
        ],
      },
    ],
  },
  {
    label: 'Protection',
    items: [
      na('Identity Protection'),
      na('Conditional Access'),
      { route: 'am:policies', label: 'Authentication methods' },
      { route: 'pr:properties', label: 'Password reset' },
    ],
  },
];

export interface MenuSection {
  label?: string;
  items: { route: string; label: string }[];
}

export const PASSWORD_RESET_MENU: MenuSection[] = [
  {
    label: 'Manage',
    items: [
      { route: 'pr:properties', label: 'Properties' },
      { route: 'pr:methods', label: 'Authentication methods' },
      { route: 'pr:registration', label: 'Registration' },
      { route: 'pr:notifications', label: 'Notifications' },
      { route: 'pr:customization', label: 'Customization' },
      { route: 'pr:onprem', label: 'On-premises integration' },
      { route: 'pr:adminPolicy', label: 'Administrator Policy' },
    ],
  },
  {
    label: 'Activity',
    items: [
      { route: 'pr:audit', label: 'Audit logs' },
      { route: 'pr:usage', label: 'Usage & insights' },
    ],
  },
  {
    label: 'Troubleshooting + Support',
    items: [{ route: 'pr:diagnose', label: 'Diagnose and solve problems' }],
  },
];

export const AUTH_METHODS_MENU: MenuSection[] = [
  {
    label: 'Manage',
    items: [
      { route: 'am:policies', label: 'Policies' },
      na('Password protection'),
      na('Registration campaign'),
      na('Authentication strengths'),
      na('Settings'),
    ],
  },
];

export const USERS_MENU: MenuSection[] = [
  {
    items: [
      { route: 'users', label: 'All users' },
      { route: 'users:audit', label: 'Audit logs' },
      { route: 'users:signins', label: 'Sign-in logs' },
    ],
  },
];

export interface RouteInfo {
  /** The blade's title: "Password reset | Properties". */
  title: string;
  /** Breadcrumbs before the title. */
  crumbs: { label: string; route: string }[];
  menu?: MenuSection[];
}

const HOME = { label: 'Home', route: 'home' };

/** What every blade gets: where it is, its breadcrumbs and title, and how to go elsewhere. */
export interface BladeProps {
  route: string;
  info: RouteInfo;
  subtitle: string;
  navigate: (route: string) => void;
}

export function routeInfo(route: string, methodLabel?: (id: string) => string): RouteInfo {
  const item = (menu: MenuSection[]) =>
    menu.flatMap((s) => s.items).find((i) => i.route === route)?.label ?? '';
  if (route === 'home') return { title: ADMIN_UI.homeTitle, crumbs: [] };
  if (route.startsWith('pr:'))
    return {
      title: `Password reset | ${item(PASSWORD_RESET_MENU)}`,
      crumbs: [HOME],
      menu: PASSWORD_RESET_MENU,
    };
  if (route === 'am:policies')
    return { title: 'Authentication methods | Policies', crumbs: [HOME], menu: AUTH_METHODS_MENU };
  if (route.startsWith('am:method:'))
    return {
      title: `${methodLabel?.(route.slice('am:method:'.length)) ?? ''} settings`,
      crumbs: [HOME, { label: 'Authentication methods | Policies', route: 'am:policies' }],
    };
  if (route === 'users' || route.startsWith('users:'))
    return { title: `Users | ${item(USERS_MENU)}`, crumbs: [HOME], menu: USERS_MENU };
  if (route === 'groups') return { title: 'Groups | All groups', crumbs: [HOME] };
  if (route === 'overview') return { title: ADMIN_UI.overviewTitle, crumbs: [HOME] };
  if (route === 'connect') return { title: 'Microsoft Entra Connect | Connect Sync', crumbs: [HOME] };
  if (route === 'mon:audit') return { title: 'Audit logs', crumbs: [HOME] };
  if (route === 'mon:signins') return { title: 'Sign-in logs', crumbs: [HOME] };
  if (route.startsWith('na:')) return { title: route.slice(3), crumbs: [HOME] };
  return { title: '', crumbs: [HOME] };
}
