import type { ReactNode } from 'react';
import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  Button,
  Text,
  mergeClasses,
} from '@fluentui/react-components';
import { Fragment } from 'react';
import type { RouteInfo } from './adminRoutes';
import { useAdminStyles } from './adminStyles';

/**
 * A blade as the portal draws it: breadcrumbs ("Home > Password reset"), the title ("Password
 * reset | Properties") over the tenant's name, the blade's own menu on the left, and on the right
 * the command bar (Save / Discard) above the page.
 */
export function BladeFrame(props: {
  info: RouteInfo;
  route: string;
  subtitle?: string;
  commands?: ReactNode;
  onNavigate: (route: string) => void;
  children: ReactNode;
}) {
  const s = useAdminStyles();
  const { info } = props;
  return (
    <section aria-labelledby="blade-title" data-testid="blade">
      {info.crumbs.length > 0 && (
        <Breadcrumb aria-label="Breadcrumb" size="small" data-testid="breadcrumb">
          {info.crumbs.map((c) => (
            <Fragment key={c.route}>
              <BreadcrumbItem>
                <BreadcrumbButton onClick={() => props.onNavigate(c.route)}>{c.label}</BreadcrumbButton>
              </BreadcrumbItem>
              <BreadcrumbDivider />
            </Fragment>
          ))}
        </Breadcrumb>
      )}
      <div className={s.title}>
        <Text as="h1" size={600} weight="semibold" id="blade-title" data-testid="blade-title">
          {info.title}
        </Text>
        {props.subtitle && <Text className={s.subtitle}>{props.subtitle}</Text>}
      </div>
      <div className={info.menu ? s.blade : s.bladeNoMenu}>
        {info.menu && (
          <nav className={s.menu} aria-label={info.title.split(' | ')[0]}>
            {info.menu.map((sec, i) => (
              <div key={sec.label ?? i}>
                {sec.label && <div className={s.menuSection}>{sec.label}</div>}
                {sec.items.map((m) => (
                  <Button
                    key={m.route}
                    appearance="subtle"
                    className={mergeClasses(s.menuItem, m.route === props.route && s.menuItemActive)}
                    aria-current={m.route === props.route ? 'page' : undefined}
                    onClick={() => props.onNavigate(m.route)}
                    data-testid={`menu-${m.label}`}
                  >
                    {m.label}
                  </Button>
                ))}
              </div>
            ))}
          </nav>
        )}
        <div className={s.pane}>
          {props.commands && <div className={s.commandBar}>{props.commands}</div>}
          {props.children}
        </div>
      </div>
    </section>
  );
}
