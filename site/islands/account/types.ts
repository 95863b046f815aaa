/**
 * The shapes the signed-in pages read, taken from the API's own types (type-only imports:
 * nothing of the API reaches the browser bundle).
 */
import type {
  AgreementOverview,
  AvailabilityItem,
  TerminationRight,
  Unavailable,
} from '../../../api/services/availability.ts';
import type {
  ClaimCommentDto,
  ClaimDto,
  ClaimEventDto,
  CreditDto,
  StaffClaimDto,
} from '../../../api/services/claims.ts';
import type { CountedCause } from '../../../api/services/counted-causes.ts';
import type { CorrectionDto } from '../../../api/services/windows.ts';
import type { CountedPiece, EvaluationResult, IgnoredWindow } from '../../../api/sla/index.ts';

export type {
  AgreementOverview,
  AvailabilityItem,
  ClaimCommentDto,
  ClaimDto,
  ClaimEventDto,
  CorrectionDto,
  CountedCause,
  CountedPiece,
  CreditDto,
  EvaluationResult,
  IgnoredWindow,
  StaffClaimDto,
  TerminationRight,
  Unavailable,
};

export type Role = 'customer' | 'agent' | 'admin';

export interface SessionUser {
  id: number;
  email: string;
  role: Role;
  customerId: number | null;
}

export type ClaimStatus = ClaimDto['status'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ClaimDetail extends ClaimDto {
  events: ClaimEventDto[];
  comments: ClaimCommentDto[];
}

export interface StaffClaimDetail extends ClaimDetail {
  customer: { id: number; name: string };
  freshEvaluation: EvaluationResult | null;
  freshDiffers: boolean;
  corrections: CorrectionDto[];
  termination: TerminationRight | null;
}

export interface StaffQueuePage extends Page<StaffClaimDto> {
  counts: Record<ClaimStatus, number>;
}
