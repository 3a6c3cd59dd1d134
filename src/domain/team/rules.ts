/**
 * The roll-up's editable rules and their defaults (docs/rules/team-rollup.md, "Rules"): what is a
 * conflict, what wins, what happens to sheets of an older template version and to files that
 * cannot be read. A rules file (`--rules rules.json`) gives any of them; the rest keep their
 * defaults. Pure: the caller reads the file.
 */

/** The tables the roll-up combines, one team sheet each. */
export const TEAM_TABLES = ['pipeline', 'visit-log', 'decision-chain', 'communication-record', 'targets-reps', 'targets-visits'] as const;
export type TeamTableId = (typeof TEAM_TABLES)[number];

/** Tables whose rows name a customer (the decision chain names it once, above its table). */
export const CUSTOMER_TABLES: readonly TeamTableId[] = ['pipeline', 'visit-log', 'decision-chain', 'communication-record'];

export interface TeamRules {
  /** Tables where one customer held by two reps is a conflict. */
  conflictTables: TeamTableId[];
  /** keep-both: every row stays, marked with the other reps; first-file: the first file's rows stay, the others are listed, not taken. */
  winner: 'keep-both' | 'first-file';
  /** Sheets stamped with an older layout version: upgraded (columns taken by their headers) from `oldestUpgradable` on, else listed. */
  olderTemplate: { action: 'upgrade' | 'list'; oldestUpgradable: number };
  /** A file that cannot be read: listed and the others combined, or the whole roll-up stopped. */
  unreadableFile: 'list' | 'stop';
}

export const DEFAULT_TEAM_RULES: TeamRules = {
  conflictTables: ['pipeline', 'decision-chain'],
  winner: 'keep-both',
  olderTemplate: { action: 'upgrade', oldestUpgradable: 0 },
  unreadableFile: 'list',
};

/** A rules file that says something the roll-up cannot do: the field and what is wrong with it. */
export class TeamRulesError extends Error {
  constructor(
    readonly field: string,
    readonly problem: 'unknown-field' | 'not-one-of' | 'not-a-list' | 'not-whole-number' | 'not-an-object' | 'no-customer',
    readonly allowed: string = '',
  ) {
    super(`${field}: ${problem}${allowed ? ` (${allowed})` : ''}`);
    this.name = 'TeamRulesError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new TeamRulesError(field, 'not-one-of', allowed.join(', '));
  return value as T;
}

function known(field: string, obj: Record<string, unknown>, keys: readonly string[]): void {
  for (const k of Object.keys(obj)) if (!keys.includes(k)) throw new TeamRulesError(field ? `${field}.${k}` : k, 'unknown-field', keys.join(', '));
}

/** The rules a parsed JSON value says, over the defaults; a wrong field is a TeamRulesError naming it. */
export function teamRulesFrom(json: unknown): TeamRules {
  if (!isObject(json)) throw new TeamRulesError('(rules)', 'not-an-object');
  known('', json, ['conflictTables', 'winner', 'olderTemplate', 'unreadableFile']);
  const rules: TeamRules = { ...DEFAULT_TEAM_RULES, olderTemplate: { ...DEFAULT_TEAM_RULES.olderTemplate } };
  if (json.conflictTables !== undefined) {
    if (!Array.isArray(json.conflictTables)) throw new TeamRulesError('conflictTables', 'not-a-list', CUSTOMER_TABLES.join(', '));
    rules.conflictTables = json.conflictTables.map((v, i) => {
      const id = oneOf(`conflictTables[${i}]`, v, TEAM_TABLES);
      if (!CUSTOMER_TABLES.includes(id)) throw new TeamRulesError(`conflictTables[${i}]`, 'no-customer', CUSTOMER_TABLES.join(', '));
      return id;
    });
  }
  if (json.winner !== undefined) rules.winner = oneOf('winner', json.winner, ['keep-both', 'first-file'] as const);
  if (json.unreadableFile !== undefined) rules.unreadableFile = oneOf('unreadableFile', json.unreadableFile, ['list', 'stop'] as const);
  if (json.olderTemplate !== undefined) {
    const o = json.olderTemplate;
    if (!isObject(o)) throw new TeamRulesError('olderTemplate', 'not-an-object');
    known('olderTemplate', o, ['action', 'oldestUpgradable']);
    if (o.action !== undefined) rules.olderTemplate.action = oneOf('olderTemplate.action', o.action, ['upgrade', 'list'] as const);
    if (o.oldestUpgradable !== undefined) {
      if (typeof o.oldestUpgradable !== 'number' || !Number.isInteger(o.oldestUpgradable) || o.oldestUpgradable < 0)
        throw new TeamRulesError('olderTemplate.oldestUpgradable', 'not-whole-number');
      rules.olderTemplate.oldestUpgradable = o.oldestUpgradable;
    }
  }
  return rules;
}
