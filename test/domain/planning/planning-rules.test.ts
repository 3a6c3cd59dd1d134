import { ansoffQuadrant } from '../../../src/domain/planning/ansoff-quadrant';
import { bcgQuadrant, relativeMarketShare } from '../../../src/domain/planning/bcg-quadrant';
import { scoreDecisionChain } from '../../../src/domain/planning/decision-chain-score';
import { opportunityQuadrant, threatQuadrant } from '../../../src/domain/planning/opportunity-threat-quadrant';

describe('decision-chain score', () => {
  test('an empty chain has no coverage and flags nothing but unidentified role classes', () => {
    const s = scoreDecisionChain([]);
    expect(s).toMatchObject({ supportScore: 0, totalInfluence: 0, knownInfluence: 0, coverage: null });
    expect(s.decisionMakersNotSupporting).toEqual([]);
    expect(s.roleClassesWithoutSupporter).toEqual([]);
    expect(s.roleClasses.every((r) => r.status === 'notIdentified')).toBe(true);
  });

  test('a missing attitude counts as unknown: outside the score and the coverage, and not support', () => {
    const s = scoreDecisionChain([
      { name: 'a', roleClass: 'decisionMaker', influence: 5 },
      { name: 'b', roleClass: 'user', influence: 3, attitude: 'supporter' },
    ]);
    expect(s.supportScore).toBe(3);
    expect(s.coverage).toBeCloseTo(3 / 8, 12);
    expect(s.decisionMakersNotSupporting).toEqual(['a']);
    expect(s.roleClasses.find((r) => r.roleClass === 'user')).toMatchObject({ people: 1, supporters: 1, score: 3, status: 'ok' });
  });

  test('the opponent threshold is inclusive and configurable', () => {
    const people = [{ name: 'x', roleClass: 'evaluator' as const, influence: 4, attitude: 'opponent' as const }];
    expect(scoreDecisionChain(people).highInfluenceOpponents).toEqual(['x']);
    expect(scoreDecisionChain(people, 5).highInfluenceOpponents).toEqual([]);
    expect(scoreDecisionChain(people).supportScore).toBe(-4);
  });
});

test('Ansoff: product × market', () => {
  expect(ansoffQuadrant('existing', 'existing')).toBe('marketPenetration');
  expect(ansoffQuadrant('new', 'existing')).toBe('productDevelopment');
  expect(ansoffQuadrant('existing', 'new')).toBe('marketDevelopment');
  expect(ansoffQuadrant('new', 'new')).toBe('diversification');
});

test('BCG: values on a split count as high; splits can be changed', () => {
  expect(bcgQuadrant(0.1, 1)).toBe('star');
  expect(bcgQuadrant(0.0999, 1)).toBe('cashCow');
  expect(bcgQuadrant(0.1, 0.999)).toBe('questionMark');
  expect(bcgQuadrant(-0.05, 0.2)).toBe('dog');
  expect(bcgQuadrant(0.15, 1.5, { growthSplit: 0.2, rsmSplit: 2 })).toBe('dog');
  expect(relativeMarketShare(0.3, 0.2)).toBeCloseTo(1.5, 12);
  expect(relativeMarketShare(0.3, 0)).toBeNull();
});

test('opportunity and threat quadrants', () => {
  expect([opportunityQuadrant('high', 'high'), opportunityQuadrant('high', 'low'), opportunityQuadrant('low', 'high'), opportunityQuadrant('low', 'low')]).toEqual([
    'pursue',
    'improveOdds',
    'quickWin',
    'ignore',
  ]);
  expect([threatQuadrant('high', 'high'), threatQuadrant('high', 'low'), threatQuadrant('low', 'high'), threatQuadrant('low', 'low')]).toEqual([
    'contingencyPlan',
    'monitor',
    'routine',
    'negligible',
  ]);
});
