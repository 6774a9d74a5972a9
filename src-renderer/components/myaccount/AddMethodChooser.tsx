import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Option,
} from '@fluentui/react-components';
import { REGISTRATION_TEXT } from '../../../simulation';

const METHODS = [
  ['authenticator', 'Microsoft Authenticator'],
  ['phone', 'Phone'],
] as const;

/** "Add a method": which method would you like to add? */
export function AddMethodChooser(props: {
  onAdd: (m: 'phone' | 'authenticator') => void;
  onClose: () => void;
}) {
  const [method, setMethod] = useState<'phone' | 'authenticator'>();
  return (
    <Dialog open modalType="non-modal" onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface data-testid="add-method-dialog">
        <DialogBody>
          <DialogTitle>{REGISTRATION_TEXT.addMethodTitle}</DialogTitle>
          <DialogContent>
            <Field label={REGISTRATION_TEXT.whichMethod}>
              <Dropdown
                placeholder="Choose a method"
                value={METHODS.find(([k]) => k === method)?.[1] ?? ''}
                selectedOptions={method ? [method] : []}
                onOptionSelect={(_, d) => setMethod(d.optionValue as typeof method)}
                data-testid="add-method-choice"
              >
                {METHODS.map(([k, label]) => (
                  <Option key={k} value={k}>
                    {label}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          </DialogContent>
          <DialogActions>
            <Button onClick={props.onClose}>Cancel</Button>
            <Button
              appearance="primary"
              disabled={!method}
              onClick={() => method && props.onAdd(method)}
              data-testid="add-method-confirm"
            >
              Add
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
