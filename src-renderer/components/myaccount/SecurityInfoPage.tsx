import { useState } from 'react';
import { Button, Link, Text } from '@fluentui/react-components';
import { AddRegular, PhoneRegular, ShieldKeyholeRegular, MailRegular } from '@fluentui/react-icons';
import type { LearnerView } from '../../../simulation';
import { AddMethodChooser } from './AddMethodChooser';
import { AddMethodDialog } from './AddMethodDialog';
import { useAccountStyles } from './accountStyles';

type Act = (a: Record<string, unknown>) => void;
type View = LearnerView['browser']['myAccount'];

const ICONS = { phone: <PhoneRegular />, authenticator: <ShieldKeyholeRegular />, email: <MailRegular /> };

/** Security info (mysignins.microsoft.com/security-info): the methods list and "+ Add sign-in method". */
export function SecurityInfoPage({ v, act }: { v: View; act: Act }) {
  const s = useAccountStyles();
  const [choosing, setChoosing] = useState(false);
  const add = v.page.page === 'securityInfo' ? v.page.add : undefined;
  return (
    <>
      <Text as="h1" size={700} weight="semibold">
        Security info
      </Text>
      <Text>These are the methods you use to sign into your account or reset your password.</Text>
      <div className={s.list} data-testid="myaccount-methods">
        <div className={s.method}>
          <span />
          <Button
            appearance="transparent"
            icon={<AddRegular />}
            onClick={() => setChoosing(true)}
            data-testid="add-method"
          >
            Add sign-in method
          </Button>
        </div>
        {v.methodList.length === 0 && (
          <div className={s.method}>
            <span />
            <Text>No items to display.</Text>
          </div>
        )}
        {v.methodList.map((m) => (
          <div key={m.kind} className={s.method} data-testid={`method-row-${m.kind}`}>
            {ICONS[m.kind]}
            <Text>{m.label}</Text>
            <Text>{m.detail}</Text>
            <Link disabled>Delete</Link>
          </div>
        ))}
      </div>
      {choosing && (
        <AddMethodChooser
          onClose={() => setChoosing(false)}
          onAdd={(method) => {
            setChoosing(false);
            act({ type: 'addMethod', method });
          }}
        />
      )}
      {add && <AddMethodDialog add={add} act={act} />}
    </>
  );
}
