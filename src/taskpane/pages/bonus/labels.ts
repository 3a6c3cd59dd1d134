import type { MessageKey } from '../../app/i18n';
import type { BonusScheme } from '../../services/bonus-service';

/** The message keys of the Bonus page's per-scheme and per-field labels, checked by the compiler. */
export const schemeLabel = (id: BonusScheme): MessageKey => `scheme_${id}`;
export const schemeHint = (id: BonusScheme): MessageKey => `schemeHint_${id}`;

/** Every column a bonus scheme reads (the engine's field names; a test checks none is missing). */
export const BONUS_FIELD_LABELS = {
  rep: 'bonusField_rep',
  contract: 'bonusField_contract',
  date: 'bonusField_date',
  amount: 'bonusField_amount',
  currency: 'bonusField_currency',
  margin: 'bonusField_margin',
  customer: 'bonusField_customer',
  prepayment: 'bonusField_prepayment',
  customer_type: 'bonusField_customer_type',
  self_developed: 'bonusField_self_developed',
  referrer: 'bonusField_referrer',
  buyer: 'bonusField_buyer',
  visit_date: 'bonusField_visit_date',
  registered: 'bonusField_registered',
  payment_date: 'bonusField_payment_date',
  scope: 'bonusField_scope',
  contract_type: 'bonusField_contract_type',
  handler: 'bonusField_handler',
  approver: 'bonusField_approver',
  within_credit: 'bonusField_within_credit',
} as const satisfies Record<string, MessageKey>;

const byField = new Map<string, MessageKey>(Object.entries(BONUS_FIELD_LABELS));

/** The label of a field, or undefined for a field this version has no label for. */
export const bonusFieldLabel = (field: string): MessageKey | undefined => byField.get(field);
