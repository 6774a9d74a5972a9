import { tokens } from '@fluentui/react-components';
import { useSsprStyles } from './ssprStyles';

/** The CAPTCHA picture: the characters drawn askew and out of line, as a picture the learner reads. */
export function Captcha({ text }: { text: string }) {
  const s = useSsprStyles();
  return (
    <span className={s.captcha}>
      <svg
        width={text.length * 26 + 12}
        height="48"
        role="img"
        aria-label="CAPTCHA picture"
        data-testid="sspr-captcha"
      >
        <path
          d={`M4 ${30} Q ${text.length * 8} 8 ${text.length * 26} 34`}
          stroke={tokens.colorNeutralForeground3}
          fill="none"
        />
        {text.split('').map((ch, i) => (
          <text
            key={i}
            x={10 + i * 26}
            y={32 + ((i * 7) % 9) - 4}
            transform={`rotate(${((i * 37) % 31) - 15} ${16 + i * 26} 28)`}
            fontSize="24"
            fontFamily="Georgia, serif"
            fill={tokens.colorNeutralForeground1}
          >
            {ch}
          </text>
        ))}
      </svg>
    </span>
  );
}
