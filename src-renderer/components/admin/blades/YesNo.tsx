import { Field, Radio, RadioGroup } from '@fluentui/react-components';

/** A portal Yes / No setting. */
export function YesNo(props: {
  label: string;
  value: boolean;
  onChange: (v: boolean) => void;
  testId?: string;
}) {
  return (
    <Field label={props.label}>
      <RadioGroup
        layout="horizontal"
        value={props.value ? 'yes' : 'no'}
        onChange={(_, d) => props.onChange(d.value === 'yes')}
        data-testid={props.testId}
      >
        <Radio value="yes" label="Yes" data-testid={props.testId ? `${props.testId}-yes` : undefined} />
        <Radio value="no" label="No" data-testid={props.testId ? `${props.testId}-no` : undefined} />
      </RadioGroup>
    </Field>
  );
}
