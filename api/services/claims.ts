/**
 * Credit claims (sla-accounting §4), by what a caller does with them: filing, decisions,
 * reads and the credits ledger each live in api/services/claims/; this module is their one
 * public entry, so routes and the seed name claims in one place.
 */

export {
  type CreditDto,
  type CreditFilter,
  type CreditTotal,
  type CreditTotals,
  claimsForPeriods,
  creditTotals,
  listCredits,
} from './claims/credits.ts';
export {
  addComment,
  type DecisionInput,
  decideClaim,
  markCredited,
  withdrawClaim,
} from './claims/decisions.ts';
export { type FileClaimInput, fileClaim } from './claims/filing.ts';
export {
  CLAIM_KINDS,
  CLAIM_STATUSES,
  type ClaimCommentDto,
  type ClaimDto,
  type ClaimEventDto,
  formatMinor,
  localDateTime,
  SUPPORT_SLOT,
} from './claims/model.ts';
export {
  type ClaimListFilter,
  customerClaim,
  listCustomerClaims,
  listStaffClaims,
  type StaffClaimDto,
  staffClaim,
} from './claims/reads.ts';
