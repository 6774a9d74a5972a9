import type { ReactNode } from 'react';
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  Text,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useAdminStyles } from '../adminStyles';

/** The details pane that slides in from the right when a row is selected. */
export function DetailsDrawer(props: {
  title: string;
  open: boolean;
  onClose: () => void;
  fields?: [string, ReactNode][];
  children?: ReactNode;
  testId?: string;
}) {
  const s = useAdminStyles();
  return (
    <OverlayDrawer
      position="end"
      size="medium"
      open={props.open}
      onOpenChange={(_, d) => !d.open && props.onClose()}
    >
      <DrawerHeader>
        <DrawerHeaderTitle
          action={
            <Button
              appearance="subtle"
              aria-label="Close"
              icon={<DismissRegular />}
              onClick={props.onClose}
            />
          }
        >
          {props.title}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody data-testid={props.testId}>
        {props.fields && (
          <div className={s.grid2}>
            {props.fields.map(([k, v]) => (
              <FieldRow key={k} label={k} value={v} />
            ))}
          </div>
        )}
        {props.children}
      </DrawerBody>
    </OverlayDrawer>
  );
}

function FieldRow({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <Text weight="semibold">{label}</Text>
      <Text>{value ?? ''}</Text>
    </>
  );
}
