import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** Fluent's web themes match Office's light and dark task-pane chrome. */
export function themeFor(dark: boolean): Theme {
  return dark ? webDarkTheme : webLightTheme;
}
