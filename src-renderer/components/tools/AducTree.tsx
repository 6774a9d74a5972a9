/**
 * ADUC's left pane: the console root, Saved Queries and the domain's containers and OUs as a tree
 * (Fluent's Tree: arrow keys move and open, Enter or a click selects; a node opens when it is
 * selected; the chevron opens or closes it).
 */
import type { ReactElement } from 'react';
import { Tree, TreeItem, TreeItemLayout } from '@fluentui/react-components';
import type { AducContainerView } from '../../../simulation';
import { AducIcon } from './AducIcon';
import { useAducStyles } from './aducStyles';

interface Props {
  title: string;
  containers: AducContainerView[];
  selected: string;
  expanded: ReadonlySet<string>;
  onSelect: (dn: string) => void;
  onToggle: (dn: string) => void;
}

const ROOT = 'console-root';

export function AducTree({ title, containers, selected, expanded, onSelect, onToggle }: Props) {
  const s = useAducStyles();
  const children = (dn: string | undefined) => containers.filter((c) => c.parent === dn);
  const item = (c: AducContainerView): ReactElement => {
    const kids = children(c.dn);
    return (
      <TreeItem
        key={c.dn}
        value={c.dn}
        itemType={kids.length > 0 ? 'branch' : 'leaf'}
        aria-selected={c.dn === selected}
        onClick={(e) => {
          e.stopPropagation();
          onSelect(c.dn);
        }}
        data-testid={`aduc-node-${c.name}`}
      >
        <TreeItemLayout
          className={c.dn === selected ? s.selected : undefined}
          iconBefore={<AducIcon kind={c.kind} />}
        >
          {c.name}
        </TreeItemLayout>
        {kids.length > 0 && <Tree>{kids.map(item)}</Tree>}
      </TreeItem>
    );
  };
  return (
    <nav className={s.tree} aria-label="Console tree">
      <Tree
        size="small"
        aria-label={title}
        openItems={[ROOT, ...expanded]}
        onOpenChange={(_, d) => {
          // A click on the row selects it (and opens it); the chevron and the arrow keys toggle.
          if (d.type === 'Click' || d.value === ROOT) return;
          onToggle(String(d.value));
        }}
      >
        <TreeItem value={ROOT} itemType="branch">
          <TreeItemLayout iconBefore={<AducIcon kind="console" />}>{title}</TreeItemLayout>
          <Tree>
            <TreeItem value="saved-queries" itemType="leaf">
              <TreeItemLayout iconBefore={<AducIcon kind="queries" />}>Saved Queries</TreeItemLayout>
            </TreeItem>
            {children(undefined).map(item)}
          </Tree>
        </TreeItem>
      </Tree>
    </nav>
  );
}
