/**
 * ADUC's left pane: the console root, Saved Queries and the domain's containers and OUs as a tree
 * (a node opens when it is selected; the arrow opens or closes it).
 */
import type { AducContainerView } from '../../../simulation';
import { AducIcon } from './AducIcon';

interface Props {
  title: string;
  containers: AducContainerView[];
  selected: string;
  expanded: ReadonlySet<string>;
  onSelect: (dn: string) => void;
  onToggle: (dn: string) => void;
}

export function AducTree({ title, containers, selected, expanded, onSelect, onToggle }: Props) {
  const byDn = new Map(containers.map((c) => [c.dn, c]));
  const depth = (c: AducContainerView): number => {
    const p = c.parent ? byDn.get(c.parent) : undefined;
    return p ? depth(p) + 1 : 0;
  };
  const visible = (c: AducContainerView): boolean => {
    const p = c.parent ? byDn.get(c.parent) : undefined;
    return !p || (expanded.has(p.dn) && visible(p));
  };
  const hasChildren = (dn: string) => containers.some((c) => c.parent === dn);
  return (
    <nav className="aduc-tree" aria-label="Console tree">
      <div className="aduc-node aduc-root">
        <AducIcon kind="console" /> {title}
      </div>
      <div className="aduc-node" style={{ paddingLeft: 24 }}>
        <span className="aduc-twisty" />
        <AducIcon kind="queries" /> Saved Queries
      </div>
      {containers.filter(visible).map((c) => (
        <div
          key={c.dn}
          className={`aduc-node${c.dn === selected ? ' is-selected' : ''}`}
          style={{ paddingLeft: 10 + (depth(c) + 1) * 14 }}
          onClick={() => onSelect(c.dn)}
          data-testid={`aduc-node-${c.name}`}
        >
          <span
            className="aduc-twisty"
            onClick={(e) => {
              e.stopPropagation();
              onToggle(c.dn);
            }}
          >
            {hasChildren(c.dn) ? (expanded.has(c.dn) ? '▾' : '▸') : ''}
          </span>
          <AducIcon kind={c.kind} /> {c.name}
        </div>
      ))}
    </nav>
  );
}
