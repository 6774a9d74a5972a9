import { useState, type JSX } from 'react';
import { Tree, TreeItem, TreeItemLayout, makeStyles, tokens, mergeClasses } from '@fluentui/react-components';
import { HomeRegular, StarRegular, PersonAccountsRegular, ShieldRegular } from '@fluentui/react-icons';
import { NAV, type NavGroup, type NavLeaf } from './adminRoutes';

const useStyles = makeStyles({
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const ICONS: Record<string, JSX.Element> = {
  Home: <HomeRegular />,
  Favorites: <StarRegular />,
  'Entra ID': <PersonAccountsRegular />,
  Protection: <ShieldRegular />,
};

type Branch = { label: string; items: (NavLeaf | Branch)[] };

function isLeaf(x: NavLeaf | NavGroup | Branch): x is NavLeaf {
  return 'route' in x;
}

/** The pages that belong to one nav entry (Password reset's menu pages, a method's settings page). */
export function areaOf(route: string): string {
  if (route.startsWith('pr:')) return 'pr';
  if (route.startsWith('am:')) return 'am';
  if (route.startsWith('users')) return 'users';
  return route;
}

/** Every leaf with its path ("Entra ID/Password reset"), in order. */
function leaves(items: (NavLeaf | Branch)[], prefix = ''): { path: string; route: string }[] {
  return items.flatMap((i) =>
    isLeaf(i) ? [{ path: prefix + i.label, route: i.route }] : leaves(i.items, `${prefix}${i.label}/`),
  );
}
const ALL = leaves(NAV as (NavLeaf | Branch)[]);

/** The left navigation: Home, Favorites, Entra ID and its pages, Protection. */
export function AdminNav({ route, onNavigate }: { route: string; onNavigate: (route: string) => void }) {
  const s = useStyles();
  const [picked, setPicked] = useState<string>();
  const pickedRoute = ALL.find((l) => l.path === picked)?.route;
  const selected =
    picked && pickedRoute && areaOf(pickedRoute) === areaOf(route)
      ? picked
      : (ALL.find((l) => l.path.startsWith('Entra ID/') && areaOf(l.route) === areaOf(route))?.path ??
        ALL.find((l) => areaOf(l.route) === areaOf(route))?.path);
  const leaf = (l: NavLeaf, path: string) => (
    <TreeItem
      key={path}
      itemType="leaf"
      value={path}
      onClick={() => {
        setPicked(path);
        onNavigate(l.route);
      }}
    >
      <TreeItemLayout
        className={mergeClasses(selected === path && s.selected)}
        iconBefore={ICONS[l.label]}
        aria-current={selected === path ? 'page' : undefined}
        data-testid={`nav-${path}`}
      >
        {l.label}
      </TreeItemLayout>
    </TreeItem>
  );
  const branch = (g: Branch, path: string) => (
    <TreeItem key={path} itemType="branch" value={path}>
      <TreeItemLayout iconBefore={ICONS[g.label]} data-testid={`nav-${path}`}>
        {g.label}
      </TreeItemLayout>
      <Tree>
        {g.items.map((i) => (isLeaf(i) ? leaf(i, `${path}/${i.label}`) : branch(i, `${path}/${i.label}`)))}
      </Tree>
    </TreeItem>
  );
  return (
    <Tree
      aria-label="Microsoft Entra admin center"
      defaultOpenItems={['Favorites', 'Entra ID', 'Entra ID/Monitoring & health', 'Protection']}
    >
      {(NAV as (NavLeaf | Branch)[]).map((x) => (isLeaf(x) ? leaf(x, x.label) : branch(x, x.label)))}
    </Tree>
  );
}
