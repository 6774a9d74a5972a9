import { Avatar, Link, Text } from '@fluentui/react-components';
import { useAccountStyles } from './accountStyles';

type Act = (a: Record<string, unknown>) => void;

/** myaccount.microsoft.com's Overview: the user's card, Security info and Password. */
export function OverviewPage({ user, act }: { user?: { upn: string; displayName: string }; act: Act }) {
  const s = useAccountStyles();
  return (
    <div className={s.cards}>
      <section className={s.card} aria-label="Profile">
        <Avatar name={user?.displayName} size={56} />
        <Text weight="semibold" size={500}>
          {user?.displayName}
        </Text>
        <Text>{user?.upn}</Text>
      </section>
      <section className={s.card} aria-label="Security info">
        <Text weight="semibold">Security info</Text>
        <Text>Keep your verification methods and security info up to date.</Text>
        <Link onClick={() => act({ type: 'goto', page: 'securityInfo' })} data-testid="update-info">
          UPDATE INFO &gt;
        </Link>
      </section>
      <section className={s.card} aria-label="Password">
        <Text weight="semibold">Password</Text>
        <Text>Make your password stronger, or change it if someone else knows it.</Text>
        <Link
          onClick={() => act({ type: 'goto', page: 'changePassword' })}
          data-testid="change-password-link"
        >
          CHANGE PASSWORD &gt;
        </Link>
      </section>
    </div>
  );
}
