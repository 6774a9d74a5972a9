import { Checkbox, Field, InfoLabel, Input, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { WIZARD_TEXT, type ConnectView } from '../../../simulation';
import type { Act } from './WizardPages';
import { useWizardStyles } from './wizardStyles';

/** "Connect to Microsoft Entra ID": Enter in either field submits, like the real dialog's default button. */
export function ConnectAadPage(props: {
  c: ConnectView;
  user: string;
  password: string;
  onUser: (v: string) => void;
  onPassword: (v: string) => void;
  onSubmit: () => void;
}) {
  const s = useWizardStyles();
  const error = props.c.page.page === 'connectAad' ? props.c.page.error : undefined;
  return (
    <form
      className={s.stack}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <Text>{WIZARD_TEXT.credentialsIntro}</Text>
      <Field label="USERNAME">
        <Input value={props.user} onChange={(_, d) => props.onUser(d.value)} data-testid="wizard-user" />
      </Field>
      <Field label="PASSWORD" validationMessage={error} validationState={error ? 'error' : 'none'}>
        <Input
          type="password"
          value={props.password}
          onChange={(_, d) => props.onPassword(d.value)}
          data-testid="wizard-password"
        />
      </Field>
      {/* Enter submits the page, as the wizard's default button does. */}
      <button type="submit" hidden aria-hidden tabIndex={-1} />
    </form>
  );
}

export function OuFilteringPage({ c, act }: { c: ConnectView; act: Act }) {
  const s = useWizardStyles();
  const filter = c.draft?.ouFilter ?? 'all';
  return (
    <div className={s.stack}>
      <Text>Directory: {c.configuration?.forest}</Text>
      <RadioGroup
        value={filter === 'all' ? 'all' : 'some'}
        onChange={(_, d) => act({ type: 'setOuFilter', ouFilter: d.value === 'all' ? 'all' : c.ous })}
      >
        <Radio value="all" label={WIZARD_TEXT.allOus} />
        <Radio value="some" label={WIZARD_TEXT.selectedOus} />
      </RadioGroup>
      {filter !== 'all' && (
        <div className={s.ouTree}>
          {c.ous.map((ou) => (
            <Checkbox
              key={ou}
              label={ou}
              checked={filter.includes(ou)}
              onChange={(_, d) =>
                act({
                  type: 'setOuFilter',
                  ouFilter: d.checked ? [...filter, ou] : filter.filter((x) => x !== ou),
                })
              }
            />
          ))}
        </div>
      )}
    </div>
  );
}

/** The eight optional features, each with its "?" help. */
export function OptionalFeaturesPage({ c, act }: { c: ConnectView; act: Act }) {
  const s = useWizardStyles();
  const d = c.draft;
  if (!d) return null;
  return (
    <div className={s.stack} data-testid="optional-features">
      {(Object.keys(d.featureLabels) as (keyof typeof d.featureLabels)[]).map((f) => (
        <span key={f} className={s.feature}>
          <Checkbox
            label={d.featureLabels[f]}
            checked={d.features[f]}
            onChange={(_, x) => act({ type: 'setFeature', feature: f, enabled: !!x.checked })}
            data-testid={`feature-${f}`}
          />
          <InfoLabel info={d.featureHelp[f]} infoButton={{ 'aria-label': `About ${d.featureLabels[f]}` }} />
        </span>
      ))}
    </div>
  );
}
