import type { ReactNode } from 'react';
import { Subtitle2, makeStyles, tokens, useId } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  heading: { margin: 0, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  step: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    minWidth: '20px',
    height: '20px',
    borderRadius: tokens.borderRadiusCircular,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase200,
  },
});

/** A numbered step of a page: heading plus its controls. */
export function Section({ step, title, children }: { step?: number; title: string; children: ReactNode }) {
  const styles = useStyles();
  const id = useId('section');
  return (
    <section className={styles.root} aria-labelledby={id}>
      <Subtitle2 as="h2" id={id} className={styles.heading}>
        {step !== undefined && (
          <span className={styles.step} aria-hidden="true">
            {step}
          </span>
        )}
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}
