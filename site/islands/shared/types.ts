/**
 * The shapes the signed-in pages read, named once for the islands. Every one is taken from the
 * OpenAPI document's generated types (site/lib/api-schema.d.ts), so a change of a route's
 * schema is a type error here, never a silent drift (docs/decisions/071).
 */
import type { components } from '../../lib/api-client.ts';

type Schemas = components['schemas'];

export type AgreementOverview = Schemas['AgreementOverview'];
export type AvailabilityItem = Schemas['AvailabilityItem'];
/** The document allows null where a claim or month has no termination right. */
export type TerminationRight = NonNullable<Schemas['TerminationRight']>;
export type Unavailable = Schemas['Unavailable'];
export type ClaimDto = Schemas['Claim'];
export type ClaimEventDto = Schemas['ClaimEvent'];
export type ClaimCommentDto = Schemas['ClaimComment'];
export type ClaimDetail = Schemas['ClaimDetail'];
export type StaffClaimDto = Schemas['StaffClaim'];
export type StaffClaimDetail = Schemas['StaffClaimDetail'];
export type CreditDto = Schemas['Credit'];
export type CorrectionDto = Schemas['WindowCorrection'];
export type SupportMonth = NonNullable<Schemas['SupportMonth']>;
/** The schema is nullable where an evaluation may be missing (a claim's fresh figures). */
export type EvaluationResult = NonNullable<Schemas['Evaluation']>;
export type CountedPiece = EvaluationResult['counted'][number];
export type IgnoredWindow = EvaluationResult['ignored'][number];
export type CountedCause = NonNullable<AvailabilityItem['countedCauses']>[number];

export type SessionUser = Schemas['SessionUser'];
export type Role = SessionUser['role'];
export type ClaimStatus = ClaimDto['status'];
