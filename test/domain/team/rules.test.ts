import { DEFAULT_TEAM_RULES, TeamRulesError, teamRulesFrom } from '../../../src/domain/team/rules';

test('an empty rules file keeps every default', () => {
  expect(teamRulesFrom({})).toEqual(DEFAULT_TEAM_RULES);
});

test('each rule can be given alone', () => {
  expect(teamRulesFrom({ winner: 'first-file' }).winner).toBe('first-file');
  expect(teamRulesFrom({ conflictTables: ['visit-log'] }).conflictTables).toEqual(['visit-log']);
  expect(teamRulesFrom({ olderTemplate: { action: 'list' } }).olderTemplate).toEqual({ action: 'list', oldestUpgradable: 0 });
  expect(teamRulesFrom({ unreadableFile: 'stop' }).unreadableFile).toBe('stop');
});

test.each([
  [{ winer: 'first-file' }, 'winer', 'unknown-field'],
  [{ winner: 'last-file' }, 'winner', 'not-one-of'],
  [{ conflictTables: 'pipeline' }, 'conflictTables', 'not-a-list'],
  [{ conflictTables: ['pipeline', 'targets-reps'] }, 'conflictTables[1]', 'no-customer'],
  [{ olderTemplate: { oldestUpgradable: -1 } }, 'olderTemplate.oldestUpgradable', 'not-whole-number'],
  [{ olderTemplate: { action: 'upgrade', when: 1 } }, 'olderTemplate.when', 'unknown-field'],
  [[], '(rules)', 'not-an-object'],
])('%j is refused naming %s', (json, field, problem) => {
  let caught: unknown;
  try {
    teamRulesFrom(json);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(TeamRulesError);
  expect(caught).toMatchObject({ field, problem });
});
