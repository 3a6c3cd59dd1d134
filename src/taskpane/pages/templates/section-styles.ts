import { makeStyles, tokens } from '@fluentui/react-components';

/** The look the Templates page's sections below the list share: a rule above, a muted introduction. */
export const useSectionStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  intro: { color: tokens.colorNeutralForeground2 },
});
