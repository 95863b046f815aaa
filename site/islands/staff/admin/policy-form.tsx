import { Field, NumberField } from '../../shared/Field.tsx';
import {
  DEFAULT_RULES,
  dailyRuleText,
  type PolicyRules,
  terminationText,
  WEIGHT_STATES,
} from './policy-words.ts';

/**
 * The rule fields of a policy (sla-accounting.md §1) as a form: every value kept as the text
 * typed, read into rules with each problem in words under its field. Problem keys are the
 * API's field paths (`weights.degraded`, `tiers.0.belowPercent`), so the API's own answer
 * lands under the same field.
 */

type WeightState = keyof PolicyRules['weights'];

export interface TierDraft {
  /** Stable across edits, for the list's keys and the fields' ids. */
  key: number;
  belowPercent: string;
  creditPercent: string;
}

export interface RulesDraft {
  targetPercent: string;
  weights: Record<WeightState, string>;
  minimumOutageMinutes: string;
  maintenanceNoticeMinutes: string;
  maintenanceAccounting: PolicyRules['maintenanceAccounting'];
  tiers: TierDraft[];
  dailyRule: boolean;
  thresholdMinutes: string;
  creditDays: string;
  capPercent: string;
  minimumCreditMinor: string;
  claimWindowDays: string;
  termination: boolean;
  missedPeriods: string;
  withinPeriods: string;
}

export type Problems = Record<string, string>;

let tierKeys = 0;
export const newTier = (belowPercent = '', creditPercent = ''): TierDraft => {
  tierKeys += 1;
  return { key: tierKeys, belowPercent, creditPercent };
};

export function draftOf(rules: PolicyRules): RulesDraft {
  return {
    targetPercent: String(rules.targetPercent),
    weights: {
      major_outage: String(rules.weights.major_outage),
      partial_outage: String(rules.weights.partial_outage),
      degraded: String(rules.weights.degraded),
    },
    minimumOutageMinutes: String(rules.minimumOutageMinutes),
    maintenanceNoticeMinutes: String(rules.maintenanceNoticeMinutes),
    maintenanceAccounting: rules.maintenanceAccounting,
    tiers: rules.tiers.map((tier) =>
      newTier(String(tier.belowPercent), String(tier.creditPercent)),
    ),
    dailyRule: rules.dailyRule !== null,
    thresholdMinutes: String(rules.dailyRule?.thresholdMinutes ?? 30),
    creditDays: String(rules.dailyRule?.creditDays ?? 1),
    capPercent: String(rules.capPercent),
    minimumCreditMinor: String(rules.minimumCreditMinor),
    claimWindowDays: String(rules.claimWindowDays),
    termination: rules.termination !== null,
    missedPeriods: String(rules.termination?.missedPeriods ?? 3),
    withinPeriods: String(rules.termination?.withinPeriods ?? 6),
  };
}

interface NumberRule {
  min?: number;
  max?: number;
  decimals?: number;
  integer?: boolean;
}

/** A typed number, checked as the API checks it; the problem in words, or the value. */
function readNumber(
  text: string,
  rule: NumberRule,
  problems: Problems,
  path: string,
): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') {
    problems[path] = 'Enter a number.';
    return undefined;
  }
  const match = /^(\d+)(?:\.(\d+))?$/.exec(trimmed);
  if (!match) {
    problems[path] = rule.integer
      ? 'Enter a whole number, such as 30.'
      : 'Enter a number, such as 99.9 (a point for decimals).';
    return undefined;
  }
  const decimals = match[2]?.length ?? 0;
  if (rule.integer && decimals > 0) {
    problems[path] = 'Enter a whole number, without decimals.';
    return undefined;
  }
  if (rule.decimals !== undefined && decimals > rule.decimals) {
    problems[path] = `Use at most ${rule.decimals} decimals.`;
    return undefined;
  }
  const value = Number(trimmed);
  if (rule.min !== undefined && value < rule.min) {
    problems[path] = `Enter at least ${rule.min}.`;
    return undefined;
  }
  if (rule.max !== undefined && value > rule.max) {
    problems[path] = `Enter at most ${rule.max}.`;
    return undefined;
  }
  return value;
}

/** The rules the draft states, or the problems that keep it from being rules. */
export function readDraft(draft: RulesDraft): { rules: PolicyRules | null; problems: Problems } {
  const problems: Problems = {};
  const percentRule = { min: 0, max: 100 };
  const targetPercent = readNumber(
    draft.targetPercent,
    { ...percentRule, decimals: 4 },
    problems,
    'targetPercent',
  );
  const weights: Partial<Record<WeightState, number | undefined>> = {};
  for (const { state } of WEIGHT_STATES) {
    weights[state] = readNumber(
      draft.weights[state],
      { min: 0, max: 1, decimals: 2 },
      problems,
      `weights.${state}`,
    );
  }
  const minimumOutageMinutes = readNumber(
    draft.minimumOutageMinutes,
    { min: 0 },
    problems,
    'minimumOutageMinutes',
  );
  const maintenanceNoticeMinutes = readNumber(
    draft.maintenanceNoticeMinutes,
    { min: 0 },
    problems,
    'maintenanceNoticeMinutes',
  );
  const tiers = draft.tiers.map((tier, index) => ({
    belowPercent: readNumber(
      tier.belowPercent,
      percentRule,
      problems,
      `tiers.${index}.belowPercent`,
    ),
    creditPercent: readNumber(
      tier.creditPercent,
      { min: 0 },
      problems,
      `tiers.${index}.creditPercent`,
    ),
  }));
  const thresholdMinutes = draft.dailyRule
    ? readNumber(draft.thresholdMinutes, { min: 0 }, problems, 'dailyRule.thresholdMinutes')
    : undefined;
  const creditDays = draft.dailyRule
    ? readNumber(draft.creditDays, { min: 0 }, problems, 'dailyRule.creditDays')
    : undefined;
  const capPercent = readNumber(draft.capPercent, { min: 0 }, problems, 'capPercent');
  const minimumCreditMinor = readNumber(
    draft.minimumCreditMinor,
    { min: 0, integer: true },
    problems,
    'minimumCreditMinor',
  );
  const claimWindowDays = readNumber(
    draft.claimWindowDays,
    { min: 0, integer: true },
    problems,
    'claimWindowDays',
  );
  const missedPeriods = draft.termination
    ? readNumber(
        draft.missedPeriods,
        { min: 1, integer: true },
        problems,
        'termination.missedPeriods',
      )
    : undefined;
  const withinPeriods = draft.termination
    ? readNumber(
        draft.withinPeriods,
        { min: 1, integer: true },
        problems,
        'termination.withinPeriods',
      )
    : undefined;
  if (missedPeriods !== undefined && withinPeriods !== undefined && missedPeriods > withinPeriods) {
    problems['termination.missedPeriods'] =
      `Cannot be more than the months looked at (${withinPeriods}).`;
  }
  if (Object.keys(problems).length > 0) return { rules: null, problems };
  return {
    rules: {
      targetPercent: targetPercent as number,
      weights: weights as PolicyRules['weights'],
      minimumOutageMinutes: minimumOutageMinutes as number,
      maintenanceNoticeMinutes: maintenanceNoticeMinutes as number,
      maintenanceAccounting: draft.maintenanceAccounting,
      tiers: tiers as PolicyRules['tiers'],
      dailyRule: draft.dailyRule
        ? { thresholdMinutes: thresholdMinutes as number, creditDays: creditDays as number }
        : null,
      capPercent: capPercent as number,
      minimumCreditMinor: minimumCreditMinor as number,
      claimWindowDays: claimWindowDays as number,
      termination: draft.termination
        ? { missedPeriods: missedPeriods as number, withinPeriods: withinPeriods as number }
        : null,
    },
    problems,
  };
}

/** The API's field problems by path (its 400 answer), for the fields to show. */
export function problemsFromIssues(issues: { path: string; message: string }[]): Problems {
  const problems: Problems = {};
  for (const issue of issues) {
    const sentence = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
    problems[issue.path] = sentence.endsWith('.') ? sentence : `${sentence}.`;
  }
  return problems;
}

/**
 * What a new version states: only the rules that differ from the version it follows (the
 * API inherits the rest, ADR 080); a removed daily rule or termination right as null.
 */
export function changeAgainst(base: PolicyRules, rules: PolicyRules): Record<string, unknown> {
  const change: Record<string, unknown> = {};
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const key of Object.keys(rules) as (keyof PolicyRules)[]) {
    if (key === 'weights') continue;
    if (!same(base[key], rules[key])) change[key] = rules[key];
  }
  const weights: Partial<Record<WeightState, number>> = {};
  for (const { state } of WEIGHT_STATES) {
    if (base.weights[state] !== rules.weights[state]) weights[state] = rules.weights[state];
  }
  if (Object.keys(weights).length > 0) change.weights = weights;
  return change;
}

const defaults = DEFAULT_RULES;

/** The fields, grouped as §1 groups them; `id` prefixes every control's id. */
export function RulesFields(props: {
  id: string;
  draft: RulesDraft;
  problems: Problems;
  onChange: (draft: RulesDraft) => void;
}) {
  const { draft, problems, id } = props;
  const set = (change: Partial<RulesDraft>) => props.onChange({ ...draft, ...change });
  const text = (
    key: keyof RulesDraft & string,
    label: string,
    hint: string,
    extra: { inputMode?: 'decimal' | 'numeric' } = {},
  ) => (
    <NumberField
      id={`${id}-${key}`}
      label={label}
      hint={hint}
      problem={problems[key]}
      value={String(draft[key])}
      inputMode={extra.inputMode ?? 'decimal'}
      onInput={(value) => set({ [key]: value } as Partial<RulesDraft>)}
    />
  );
  return (
    <>
      <fieldset>
        <legend>Target and downtime</legend>
        {text(
          'targetPercent',
          'Target (%)',
          'The availability promised each month, e.g. 99.9; at most 4 decimals.',
        )}
        {WEIGHT_STATES.map(({ state, label }) => (
          <NumberField
            key={state}
            id={`${id}-weight-${state}`}
            label={`Weight of ${label}`}
            hint={`How much a minute of it counts as downtime, 0 to 1. Default: ${defaults.weights[state]}.`}
            problem={problems[`weights.${state}`]}
            value={draft.weights[state]}
            onInput={(value) => set({ weights: { ...draft.weights, [state]: value } })}
          />
        ))}
        {text(
          'minimumOutageMinutes',
          'Minimum outage (minutes)',
          'An outage shorter than this is ignored. Default: 0 (every outage counts).',
        )}
      </fieldset>
      <fieldset>
        <legend>Maintenance</legend>
        {text(
          'maintenanceNoticeMinutes',
          'Maintenance notice (minutes)',
          'Maintenance announced at least this long before it starts is not downtime. Default: 2880 (48 h).',
        )}
        <Field
          id={`${id}-maintenanceAccounting`}
          label="Announced maintenance"
          hint="Default: excluded from eligible time."
          problem={problems.maintenanceAccounting}
        >
          {(aria) => (
            <select
              {...aria}
              value={draft.maintenanceAccounting}
              onChange={(event) =>
                set({
                  maintenanceAccounting: event.currentTarget
                    .value as PolicyRules['maintenanceAccounting'],
                })
              }
            >
              <option value="excluded">Excluded from eligible time</option>
              <option value="up">Counted as available time</option>
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>Credits</legend>
        <p class="hint">
          A month below a tier’s threshold earns its credit, as a percentage of the month’s fee; the
          largest matching tier applies.
        </p>
        {problems.tiers && <p class="field-problem">{problems.tiers}</p>}
        {draft.tiers.length === 0 && <p>No tiers: no credit from availability alone.</p>}
        <ol class="tiers">
          {draft.tiers.map((tier, index) => (
            <li key={tier.key} class="filters">
              <NumberField
                id={`${id}-tier-${tier.key}-below`}
                label={`Tier ${index + 1}: below (%)`}
                problem={problems[`tiers.${index}.belowPercent`]}
                value={tier.belowPercent}
                onInput={(value) =>
                  set({
                    tiers: draft.tiers.map((other) =>
                      other.key === tier.key ? { ...other, belowPercent: value } : other,
                    ),
                  })
                }
              />
              <NumberField
                id={`${id}-tier-${tier.key}-credit`}
                label={`Tier ${index + 1}: credit (%)`}
                problem={problems[`tiers.${index}.creditPercent`]}
                value={tier.creditPercent}
                onInput={(value) =>
                  set({
                    tiers: draft.tiers.map((other) =>
                      other.key === tier.key ? { ...other, creditPercent: value } : other,
                    ),
                  })
                }
              />
              <p class="actions">
                <button
                  type="button"
                  class="secondary small"
                  onClick={() =>
                    set({ tiers: draft.tiers.filter((other) => other.key !== tier.key) })
                  }
                >
                  Remove tier {index + 1}
                </button>
              </p>
            </li>
          ))}
        </ol>
        <p class="actions">
          <button
            type="button"
            class="secondary small"
            onClick={() => set({ tiers: [...draft.tiers, newTier()] })}
          >
            Add a tier
          </button>
        </p>
        {text(
          'capPercent',
          'Cap (% of the fee)',
          'The most a month’s credit may be. Default: 100.',
        )}
        {text(
          'minimumCreditMinor',
          'Minimum credit (minor units)',
          'A smaller credit is not issued: in cents for USD or EUR. Default: 0.',
          { inputMode: 'numeric' },
        )}
        {text(
          'claimWindowDays',
          'Claim window (days)',
          'Days after the month during which a claim is accepted. Default: 30.',
          { inputMode: 'numeric' },
        )}
      </fieldset>
      <fieldset>
        <legend>Daily rule</legend>
        <p class="check">
          <input
            id={`${id}-dailyRule`}
            type="checkbox"
            checked={draft.dailyRule}
            onChange={(event) => set({ dailyRule: event.currentTarget.checked })}
          />
          <label for={`${id}-dailyRule`}>
            Credit bad days on their own (default: no daily rule)
          </label>
        </p>
        {draft.dailyRule && (
          <div class="filters">
            <NumberField
              id={`${id}-thresholdMinutes`}
              label="Downtime threshold (minutes a day)"
              problem={problems['dailyRule.thresholdMinutes']}
              value={draft.thresholdMinutes}
              onInput={(value) => set({ thresholdMinutes: value })}
            />
            <NumberField
              id={`${id}-creditDays`}
              label="Credit per day (days of fee)"
              problem={problems['dailyRule.creditDays']}
              value={draft.creditDays}
              onInput={(value) => set({ creditDays: value })}
            />
          </div>
        )}
        {!draft.dailyRule && <p class="meta">Now: {dailyRuleText(null)}.</p>}
      </fieldset>
      <fieldset>
        <legend>Termination right</legend>
        <p class="check">
          <input
            id={`${id}-termination`}
            type="checkbox"
            checked={draft.termination}
            onChange={(event) => set({ termination: event.currentTarget.checked })}
          />
          <label for={`${id}-termination`}>
            Let the customer leave after repeated misses (default: no termination right)
          </label>
        </p>
        {draft.termination && (
          <div class="filters">
            <NumberField
              id={`${id}-missedPeriods`}
              label="Missed months"
              problem={problems['termination.missedPeriods']}
              value={draft.missedPeriods}
              inputMode="numeric"
              onInput={(value) => set({ missedPeriods: value })}
            />
            <NumberField
              id={`${id}-withinPeriods`}
              label="Within the last (months)"
              problem={problems['termination.withinPeriods']}
              value={draft.withinPeriods}
              inputMode="numeric"
              onInput={(value) => set({ withinPeriods: value })}
            />
          </div>
        )}
        {!draft.termination && <p class="meta">Now: {terminationText(null)}.</p>}
      </fieldset>
    </>
  );
}

/** Focuses the first field with a problem (after a refused submit). */
export function focusFirstProblem(form: HTMLFormElement | null): void {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  invalid?.focus();
}
