/** Ansoff product/market matrix (docs/rules/templates/ansoff.md): where a growth initiative sits. */

export type Novelty = 'existing' | 'new';

export const ANSOFF_QUADRANTS = ['marketPenetration', 'productDevelopment', 'marketDevelopment', 'diversification'] as const;
export type AnsoffQuadrant = (typeof ANSOFF_QUADRANTS)[number];

export function ansoffQuadrant(product: Novelty, market: Novelty): AnsoffQuadrant {
  if (product === 'existing') return market === 'existing' ? 'marketPenetration' : 'marketDevelopment';
  return market === 'existing' ? 'productDevelopment' : 'diversification';
}
