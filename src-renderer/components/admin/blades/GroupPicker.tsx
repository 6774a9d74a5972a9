import { useState } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Radio,
  RadioGroup,
  SearchBox,
} from '@fluentui/react-components';

/** The portal's "Select group(s)" pane: search the tenant's groups, pick one or several, Select. */
export function GroupPicker(props: {
  open: boolean;
  title: string;
  groups: string[];
  multiple: boolean;
  initial: string[];
  onSelect: (groups: string[]) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string[]>(props.initial);
  const shown = props.groups.filter((g) => g.toLowerCase().includes(query.toLowerCase()));
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface data-testid="group-picker">
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>
            <SearchBox
              placeholder="Search"
              aria-label="Search groups"
              value={query}
              onChange={(_, d) => setQuery(d.value)}
            />
            {props.multiple ? (
              <div role="group" aria-label={props.title}>
                {shown.map((g) => (
                  <div key={g}>
                    <Checkbox
                      label={g}
                      checked={chosen.includes(g)}
                      onChange={(_, d) =>
                        setChosen(d.checked ? [...chosen, g] : chosen.filter((x) => x !== g))
                      }
                    />
                  </div>
                ))}
              </div>
            ) : (
              <RadioGroup
                aria-label={props.title}
                value={chosen[0] ?? ''}
                onChange={(_, d) => setChosen([d.value])}
              >
                {shown.map((g) => (
                  <Radio key={g} value={g} label={g} />
                ))}
              </RadioGroup>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={chosen.length === 0}
              onClick={() => props.onSelect(chosen)}
              data-testid="group-picker-select"
            >
              Select
            </Button>
            <Button onClick={props.onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
