/** A list of groups with their folders, one selectable, as ADUC's Member Of tab and Select Groups show it. */
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { AducIcon } from './AducIcon';
import { useAducStyles } from './aducStyles';

interface Props {
  groups: readonly { name: string; folder: string }[];
  folderHeader: string;
  selected: string | undefined;
  onSelect: (name: string) => void;
  onOpen?: (name: string) => void;
  testIdPrefix: string;
  label: string;
}

export function GroupTable({ groups, folderHeader, selected, onSelect, onOpen, testIdPrefix, label }: Props) {
  const s = useAducStyles();
  return (
    <div className={s.boxedList}>
      <Table size="extra-small" aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Name</TableHeaderCell>
            <TableHeaderCell>{folderHeader}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {groups.map((g) => (
            <TableRow
              key={g.name}
              className={s.row}
              appearance={g.name === selected ? 'brand' : 'none'}
              aria-selected={g.name === selected}
              tabIndex={0}
              onClick={() => onSelect(g.name)}
              onDoubleClick={onOpen ? () => onOpen(g.name) : undefined}
              onKeyDown={(k) => {
                if (k.key === 'Enter') (onOpen ?? onSelect)(g.name);
                else if (k.key === ' ') onSelect(g.name);
              }}
              data-testid={`${testIdPrefix}${g.name}`}
            >
              <TableCell className={s.nowrap}>
                <AducIcon kind="group" /> {g.name}
              </TableCell>
              <TableCell>{g.folder}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
