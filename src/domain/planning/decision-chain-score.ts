/**
 * Decision-chain scoring (docs/rules/templates/decision-chain.md): how much of the buying centre supports us, how much of
 * it we can read at all, and which gaps are risks. The decision-chain sheet computes the same
 * by formula; the add-in can use this on rows it reads back.
 */

export const ROLE_CLASSES = ['decisionMaker', 'evaluator', 'executor', 'technicalApprover', 'user'] as const;
export type RoleClass = (typeof ROLE_CLASSES)[number];

export const ATTITUDES = ['supporter', 'neutral', 'opponent', 'unknown'] as const;
export type Attitude = (typeof ATTITUDES)[number];

export const LADDER_STAGES = ['acquainted', 'meeting', 'agreement', 'trust', 'ally'] as const;
export type LadderStage = (typeof LADDER_STAGES)[number];

/** Attitude weights; "unknown" has none and is left out of the score. */
export const ATTITUDE_WEIGHT: Record<Exclude<Attitude, 'unknown'>, number> = { supporter: 1, neutral: 0, opponent: -1 };

/** An opponent at or above this influence is a risk on its own (a rule, editable on the sheet). */
export const DEFAULT_HIGH_INFLUENCE = 4;

export interface DecisionChainPerson {
  name: string;
  roleClass?: RoleClass;
  /** 1–5. */
  influence?: number;
  /** A missing attitude counts as unknown. */
  attitude?: Attitude;
}

export type RoleClassStatus = 'ok' | 'noSupporter' | 'notIdentified';

export interface RoleClassSummary {
  roleClass: RoleClass;
  people: number;
  influence: number;
  supporters: number;
  opponents: number;
  score: number;
  status: RoleClassStatus;
}

export interface DecisionChainScore {
  /** Σ influence × attitude weight over people whose attitude is known. */
  supportScore: number;
  totalInfluence: number;
  knownInfluence: number;
  /** knownInfluence ÷ totalInfluence; null when nobody has an influence yet. */
  coverage: number | null;
  /** Decision makers whose attitude is anything but supporter (missing included). */
  decisionMakersNotSupporting: string[];
  /** Opponents whose influence is at least the threshold. */
  highInfluenceOpponents: string[];
  roleClasses: RoleClassSummary[];
  /** Role classes with people in them but no supporter. */
  roleClassesWithoutSupporter: RoleClass[];
}

function influenceOf(p: DecisionChainPerson): number {
  return typeof p.influence === 'number' && Number.isFinite(p.influence) ? p.influence : 0;
}

function contribution(p: DecisionChainPerson): number {
  const a = p.attitude ?? 'unknown';
  return a === 'unknown' ? 0 : influenceOf(p) * ATTITUDE_WEIGHT[a];
}

export function scoreDecisionChain(people: readonly DecisionChainPerson[], highInfluence = DEFAULT_HIGH_INFLUENCE): DecisionChainScore {
  let supportScore = 0;
  let totalInfluence = 0;
  let knownInfluence = 0;
  for (const p of people) {
    const w = influenceOf(p);
    totalInfluence += w;
    if (p.attitude && p.attitude !== 'unknown') knownInfluence += w;
    supportScore += contribution(p);
  }
  const roleClasses = ROLE_CLASSES.map((roleClass): RoleClassSummary => {
    const inClass = people.filter((p) => p.roleClass === roleClass);
    const supporters = inClass.filter((p) => p.attitude === 'supporter').length;
    return {
      roleClass,
      people: inClass.length,
      influence: inClass.reduce((s, p) => s + influenceOf(p), 0),
      supporters,
      opponents: inClass.filter((p) => p.attitude === 'opponent').length,
      score: inClass.reduce((s, p) => s + contribution(p), 0),
      status: inClass.length === 0 ? 'notIdentified' : supporters === 0 ? 'noSupporter' : 'ok',
    };
  });
  return {
    supportScore,
    totalInfluence,
    knownInfluence,
    coverage: totalInfluence > 0 ? knownInfluence / totalInfluence : null,
    decisionMakersNotSupporting: people.filter((p) => p.roleClass === 'decisionMaker' && p.attitude !== 'supporter').map((p) => p.name),
    highInfluenceOpponents: people.filter((p) => p.attitude === 'opponent' && influenceOf(p) >= highInfluence).map((p) => p.name),
    roleClasses,
    roleClassesWithoutSupporter: roleClasses.filter((r) => r.status === 'noSupporter').map((r) => r.roleClass),
  };
}
