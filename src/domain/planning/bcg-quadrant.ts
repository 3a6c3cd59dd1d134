/** BCG growth-share matrix (docs/rules/templates/bcg.md). The splits are rules the user may change. */

export const BCG_QUADRANTS = ['star', 'questionMark', 'cashCow', 'dog'] as const;
export type BcgQuadrant = (typeof BCG_QUADRANTS)[number];

export interface BcgThresholds {
  /** Market growth at or above this is "high" (0.1 = 10 %). */
  growthSplit: number;
  /** Relative market share at or above this is "high" (1 = as big as the largest competitor). */
  rsmSplit: number;
}

export const DEFAULT_BCG_THRESHOLDS: BcgThresholds = { growthSplit: 0.1, rsmSplit: 1 };

/** Our share ÷ the largest competitor's share; null when the competitor's share is not positive. */
export function relativeMarketShare(ourShare: number, largestCompetitorShare: number): number | null {
  return largestCompetitorShare > 0 ? ourShare / largestCompetitorShare : null;
}

export function bcgQuadrant(growth: number, rsm: number, t: BcgThresholds = DEFAULT_BCG_THRESHOLDS): BcgQuadrant {
  const highGrowth = growth >= t.growthSplit;
  const highShare = rsm >= t.rsmSplit;
  if (highGrowth) return highShare ? 'star' : 'questionMark';
  return highShare ? 'cashCow' : 'dog';
}
