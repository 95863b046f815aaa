import type { components } from '../../../lib/api-client.ts';
import { monthLabel } from '../../../lib/format.ts';
import { percent } from '../../shared/format.ts';

/**
 * A policy's rules in words (sla-accounting.md §1), for the policy screens and the audit
 * log: what each rule is called, what its value means, and a change as "Target 99.9 % →
 * 99.95 %".
 */

export type PolicyRules = components['schemas']['PolicyRules'];
type Tier = PolicyRules['tiers'][number];
type WeightState = keyof PolicyRules['weights'];

export const WEIGHT_STATES: { state: WeightState; label: string }[] = [
  { state: 'major_outage', label: 'major outage' },
  { state: 'partial_outage', label: 'partial outage' },
  { state: 'degraded', label: 'degraded performance' },
];

/** What the spec's defaults are (§1); the forms show them and start from them. */
export const DEFAULT_RULES: PolicyRules = {
  targetPercent: 99.9,
  weights: { major_outage: 1, partial_outage: 0.3, degraded: 0 },
  minimumOutageMinutes: 0,
  maintenanceNoticeMinutes: 2880,
  maintenanceAccounting: 'excluded',
  tiers: [
    { belowPercent: 99.9, creditPercent: 10 },
    { belowPercent: 99, creditPercent: 25 },
    { belowPercent: 95, creditPercent: 100 },
  ],
  dailyRule: null,
  capPercent: 100,
  minimumCreditMinor: 0,
  claimWindowDays: 30,
  termination: null,
};

const minutes = (value: number) => {
  const hours = value / 60;
  return value >= 120 && Number.isInteger(hours)
    ? `${value}\u00a0min (${hours}\u00a0h)`
    : `${value}\u00a0min`;
};

export function tiersText(tiers: Tier[]): string {
  if (tiers.length === 0) return 'none';
  return [...tiers]
    .sort((a, b) => b.belowPercent - a.belowPercent)
    .map((tier) => `below ${percent(tier.belowPercent)}: ${percent(tier.creditPercent)}`)
    .join('; ');
}

export function dailyRuleText(rule: PolicyRules['dailyRule']): string {
  if (rule === null) return 'none';
  const days = rule.creditDays === 1 ? '1 day’s' : `${rule.creditDays} days’`;
  return `each local day with more than ${minutes(rule.thresholdMinutes)} of downtime earns ${days} fee`;
}

export function terminationText(rule: PolicyRules['termination']): string {
  if (rule === null) return 'none';
  return `the customer may end the agreement after ${rule.missedPeriods} missed ${rule.missedPeriods === 1 ? 'month' : 'months'} within the last ${rule.withinPeriods}`;
}

/** One rule: its name and its value in words. Weights are three rules here, one per state. */
export interface RuleLine {
  key: string;
  label: string;
  text: string;
}

/** Every rule of a version, in the order of §1. */
export function ruleLines(rules: PolicyRules): RuleLine[] {
  return [
    { key: 'targetPercent', label: 'Target', text: percent(rules.targetPercent) },
    ...WEIGHT_STATES.map(({ state, label }) => ({
      key: `weights.${state}`,
      label: `Weight of ${label}`,
      text: String(rules.weights[state]),
    })),
    {
      key: 'minimumOutageMinutes',
      label: 'Minimum outage',
      text:
        rules.minimumOutageMinutes === 0
          ? '0 min (every outage counts)'
          : minutes(rules.minimumOutageMinutes),
    },
    {
      key: 'maintenanceNoticeMinutes',
      label: 'Maintenance notice',
      text: minutes(rules.maintenanceNoticeMinutes),
    },
    {
      key: 'maintenanceAccounting',
      label: 'Announced maintenance',
      text:
        rules.maintenanceAccounting === 'excluded'
          ? 'excluded from eligible time'
          : 'counted as available time',
    },
    { key: 'tiers', label: 'Credit tiers', text: tiersText(rules.tiers) },
    { key: 'dailyRule', label: 'Daily rule', text: dailyRuleText(rules.dailyRule) },
    { key: 'capPercent', label: 'Cap', text: `${percent(rules.capPercent)} of the fee` },
    {
      key: 'minimumCreditMinor',
      label: 'Minimum credit',
      text:
        rules.minimumCreditMinor === 0
          ? 'none'
          : `${rules.minimumCreditMinor} minor units of the agreement’s currency`,
    },
    {
      key: 'claimWindowDays',
      label: 'Claim window',
      text: `${rules.claimWindowDays} ${rules.claimWindowDays === 1 ? 'day' : 'days'} after the month`,
    },
    { key: 'termination', label: 'Termination right', text: terminationText(rules.termination) },
  ];
}

export interface RuleChange {
  key: string;
  label: string;
  from: string;
  to: string;
}

/** What `after` changes against `before`, rule by rule, in words. */
export function ruleChangeLines(before: PolicyRules, after: PolicyRules): RuleChange[] {
  const old = new Map(ruleLines(before).map((line) => [line.key, line.text]));
  return ruleLines(after)
    .filter((line) => old.get(line.key) !== line.text)
    .map((line) => ({
      key: line.key,
      label: line.label,
      from: old.get(line.key) ?? '',
      to: line.text,
    }));
}

/** "from the beginning" for version 1, else "from December 2026". */
export function effectiveText(effectiveFrom: string): string {
  return effectiveFrom === '0000-01' ? 'from the beginning' : `from ${monthLabel(effectiveFrom)}`;
}

/** Reads a value that may be a policy's rules (the audit log stores them as JSON). */
export function asRules(value: unknown): PolicyRules | null {
  if (typeof value !== 'object' || value === null) return null;
  const candidate = value as Partial<PolicyRules>;
  return typeof candidate.targetPercent === 'number' &&
    typeof candidate.weights === 'object' &&
    Array.isArray(candidate.tiers)
    ? (candidate as PolicyRules)
    : null;
}
