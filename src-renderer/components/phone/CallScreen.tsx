import { useState } from 'react';
import { Button, Text } from '@fluentui/react-components';
import { CallEndRegular, CallRegular } from '@fluentui/react-icons';
import type { LearnerView } from '../../../simulation';
import { useDispatch } from '../../hooks/useDispatch';
import { usePhoneStyles } from './phoneStyles';

type Call = LearnerView['phones'][string]['calls'][number];

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/** A ringing verification call: answer it, listen, press # (or decline). */
export function CallScreen({ phone, call }: { phone: string; call: Call }) {
  const s = usePhoneStyles();
  const { send } = useDispatch();
  const [answered, setAnswered] = useState(false);
  const [keys, setKeys] = useState('');
  const end = (answer: boolean, pressed: string) =>
    send({ type: 'phone.call', phone, requestId: call.requestId, answer, keys: pressed });
  return (
    <div className={s.screen} data-testid="phone-call">
      <Text weight="semibold" size={500} align="center">
        {call.from}
      </Text>
      {!answered ? (
        <>
          <Text align="center" className={s.meta}>
            Incoming call…
          </Text>
          <div className={s.row}>
            <Button icon={<CallEndRegular />} onClick={() => end(false, '')} data-testid="call-decline">
              Decline
            </Button>
            <Button
              appearance="primary"
              icon={<CallRegular />}
              onClick={() => setAnswered(true)}
              data-testid="call-answer"
            >
              Answer
            </Button>
          </div>
        </>
      ) : (
        <>
          <Text italic>“{call.prompt}”</Text>
          <div className={s.keypad}>
            {KEYS.map((k) => (
              <Button
                key={k}
                onClick={() => (k === '#' ? end(true, `${keys}#`) : setKeys(keys + k))}
                data-testid={`call-key-${k === '#' ? 'pound' : k === '*' ? 'star' : k}`}
              >
                {k}
              </Button>
            ))}
          </div>
          <Button icon={<CallEndRegular />} onClick={() => end(true, keys)}>
            End call
          </Button>
        </>
      )}
    </div>
  );
}
