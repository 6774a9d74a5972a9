import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { AM_TEXT } from '../../adminTexts';

/** The groups a method includes or excludes, each removable. */
export function TargetGroups({ groups, onRemove }: { groups: string[]; onRemove: (g: string) => void }) {
  if (groups.length === 0) return <Text>{AM_TEXT.noGroupsAdded}</Text>;
  return (
    <Table size="small" aria-label="Groups" data-testid="target-groups-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{AM_TEXT.name}</TableHeaderCell>
          <TableHeaderCell>{AM_TEXT.type}</TableHeaderCell>
          <TableHeaderCell>{AM_TEXT.registration}</TableHeaderCell>
          <TableHeaderCell />
        </TableRow>
      </TableHeader>
      <TableBody>
        {groups.map((g) => (
          <TableRow key={g}>
            <TableCell>{g}</TableCell>
            <TableCell>{AM_TEXT.group}</TableCell>
            <TableCell>{AM_TEXT.optional}</TableCell>
            <TableCell>
              <Button
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={`${AM_TEXT.remove} ${g}`}
                onClick={() => onRemove(g)}
              />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
