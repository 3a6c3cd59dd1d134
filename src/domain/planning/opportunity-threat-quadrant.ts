/**
 * Opportunity and threat matrices (docs/rules/templates/opportunity-threat.md): two high/low ratings give one of four cells.
 * Opportunity: attractiveness × probability of success. Threat: severity × probability.
 */

export type Level = 'high' | 'low';

export const OPPORTUNITY_QUADRANTS = ['pursue', 'improveOdds', 'quickWin', 'ignore'] as const;
export type OpportunityQuadrant = (typeof OPPORTUNITY_QUADRANTS)[number];

export const THREAT_QUADRANTS = ['contingencyPlan', 'monitor', 'routine', 'negligible'] as const;
export type ThreatQuadrant = (typeof THREAT_QUADRANTS)[number];

export function opportunityQuadrant(attractiveness: Level, probability: Level): OpportunityQuadrant {
  if (attractiveness === 'high') return probability === 'high' ? 'pursue' : 'improveOdds';
  return probability === 'high' ? 'quickWin' : 'ignore';
}

export function threatQuadrant(severity: Level, probability: Level): ThreatQuadrant {
  if (severity === 'high') return probability === 'high' ? 'contingencyPlan' : 'monitor';
  return probability === 'high' ? 'routine' : 'negligible';
}
