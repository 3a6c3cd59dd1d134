/**
 * The occasion calendar's computation for the pane, in its own chunk (loaded when the user asks
 * for a calendar): the lunar-calendar library behind the festivals is large and the pane's first
 * load does not need it. docs/rules/occasion-calendar.md.
 */
import { monthAhead, occasionCalendar, type Contact, type Occasion } from '../../domain/calendar/occasion-calendar';
import { buildOccasionSheet } from '../../sheets/calendar/occasion-calendar-sheet';
import type { Lang, SheetSpec } from '../../sheets/core/sheet-spec';

export function calendarSheet(contacts: readonly Contact[], o: { lang: Lang; from: string; today: Date }): { sheet: SheetSpec; occasions: Occasion[]; window: { from: string; to: string } } {
  const window = monthAhead(o.from);
  const occasions = occasionCalendar(contacts, window);
  return { sheet: buildOccasionSheet(occasions, { lang: o.lang, window, today: o.today }), occasions, window };
}
