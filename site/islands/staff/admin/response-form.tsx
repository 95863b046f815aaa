import type { components } from '../../../lib/api-client.ts';
import { Field, NumberField } from '../../shared/Field.tsx';

/**
 * The response block of a policy (sla-response.md §1) as a form: per priority its
 * first-response and resolution targets and calendar, then the share to meet, the tiers and
 * the limits. Values are kept as typed; problems are keyed by the API's field paths
 * (`response.objectives.P1.firstResponseMinutes`), so the API's own answer lands in place.
 */

export type ResponseRules = NonNullable<components['schemas']['ResponseRules']>;
type Priority = 'P1' | 'P2' | 'P3' | 'P4';
const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4'];

interface ObjectiveDraft {
  offered: boolean;
  firstResponseMinutes: string;
  resolutionMinutes: string;
  calendar: '24x7' | 'business';
}

export interface ResponseDraft {
  offered: boolean;
  objectives: Record<Priority, ObjectiveDraft>;
  targetPercent: string;
  /** `below:credit` pairs, one per line, e.g. `95:5`. */
  tiers: string;
  capPercent: string;
  minimumCreditMinor: string;
  claimWindowDays: string;
}

const EMPTY: ObjectiveDraft = {
  offered: false,
  firstResponseMinutes: '',
  resolutionMinutes: '',
  calendar: '24x7',
};

export function responseDraftOf(rules: ResponseRules | null): ResponseDraft {
  const objective = (priority: Priority): ObjectiveDraft => {
    const given = rules?.objectives[priority];
    return given
      ? {
          offered: true,
          firstResponseMinutes: String(given.firstResponseMinutes),
          resolutionMinutes:
            given.resolutionMinutes === null ? '' : String(given.resolutionMinutes),
          calendar: given.calendar,
        }
      : { ...EMPTY };
  };
  return {
    offered: rules !== null,
    objectives: {
      P1: objective('P1'),
      P2: objective('P2'),
      P3: objective('P3'),
      P4: objective('P4'),
    },
    targetPercent: String(rules?.targetPercent ?? 95),
    tiers: (rules?.tiers ?? [])
      .map((tier) => `${tier.belowPercent}:${tier.creditPercent}`)
      .join('\n'),
    capPercent: String(rules?.capPercent ?? 100),
    minimumCreditMinor: String(rules?.minimumCreditMinor ?? 0),
    claimWindowDays: String(rules?.claimWindowDays ?? 30),
  };
}

const DECIMAL = /^\d+(\.\d+)?$/;
const WHOLE = /^\d+$/;

/** The block as the API reads it, or null when not offered; problems in words per field. */
export function readResponseDraft(draft: ResponseDraft): {
  response: ResponseRules | null;
  problems: Record<string, string>;
} {
  const problems: Record<string, string> = {};
  if (!draft.offered) return { response: null, problems };
  const number = (path: string, text: string, whole: boolean, what: string): number => {
    const trimmed = text.trim();
    if (!(whole ? WHOLE : DECIMAL).test(trimmed)) {
      problems[path] = `Enter ${what}.`;
      return 0;
    }
    return Number(trimmed);
  };
  const objectives = {} as ResponseRules['objectives'];
  for (const priority of PRIORITIES) {
    const given = draft.objectives[priority];
    if (!given.offered) {
      objectives[priority] = null;
      continue;
    }
    const at = `response.objectives.${priority}`;
    objectives[priority] = {
      firstResponseMinutes: number(
        `${at}.firstResponseMinutes`,
        given.firstResponseMinutes,
        false,
        'the minutes to a first response by a person, e.g. 30',
      ),
      resolutionMinutes:
        given.resolutionMinutes.trim() === ''
          ? null
          : number(
              `${at}.resolutionMinutes`,
              given.resolutionMinutes,
              false,
              'the minutes to resolution, or leave it empty for no resolution target',
            ),
      calendar: given.calendar,
    };
  }
  if (PRIORITIES.every((priority) => objectives[priority] === null)) {
    problems['response.objectives'] =
      'Offer at least one priority, or offer no response objectives.';
  }
  const targetPercent = number(
    'response.targetPercent',
    draft.targetPercent,
    false,
    'a share from 0 to 100, e.g. 95',
  );
  if (targetPercent > 100) problems['response.targetPercent'] = 'Enter a share from 0 to 100.';
  const tiers: ResponseRules['tiers'] = [];
  draft.tiers
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .forEach((line) => {
      const match = /^(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)$/.exec(line);
      if (!match) {
        problems['response.tiers'] = `Write each tier as below:credit, e.g. 95:5 (not “${line}”).`;
        return;
      }
      tiers.push({ belowPercent: Number(match[1]), creditPercent: Number(match[2]) });
    });
  return {
    response: {
      objectives,
      targetPercent,
      tiers,
      capPercent: number('response.capPercent', draft.capPercent, false, 'a percentage, e.g. 100'),
      minimumCreditMinor: number(
        'response.minimumCreditMinor',
        draft.minimumCreditMinor,
        true,
        'a whole amount in minor units, e.g. 0',
      ),
      claimWindowDays: number(
        'response.claimWindowDays',
        draft.claimWindowDays,
        true,
        'whole days, e.g. 30',
      ),
    },
    problems,
  };
}

export function ResponseFields(props: {
  id: string;
  draft: ResponseDraft;
  problems: Record<string, string>;
  onChange: (draft: ResponseDraft) => void;
}) {
  const { draft, problems, id } = props;
  const set = (change: Partial<ResponseDraft>) => props.onChange({ ...draft, ...change });
  const setObjective = (priority: Priority, change: Partial<ObjectiveDraft>) =>
    set({
      objectives: { ...draft.objectives, [priority]: { ...draft.objectives[priority], ...change } },
    });
  const text = (
    key: 'targetPercent' | 'capPercent' | 'minimumCreditMinor' | 'claimWindowDays',
    label: string,
    hint: string,
  ) => (
    <NumberField
      id={`${id}-response-${key}`}
      label={label}
      hint={hint}
      problem={problems[`response.${key}`]}
      value={draft[key]}
      onInput={(value) => set({ [key]: value })}
    />
  );
  return (
    <fieldset>
      <legend>Response times (support)</legend>
      <p class="field">
        <label>
          <input
            type="checkbox"
            checked={draft.offered}
            onChange={(event) => set({ offered: event.currentTarget.checked })}
          />{' '}
          This policy promises response times
        </label>
      </p>
      {draft.offered && (
        <>
          {problems['response.objectives'] && (
            <p class="problem" role="alert">
              {problems['response.objectives']}
            </p>
          )}
          {PRIORITIES.map((priority) => {
            const objective = draft.objectives[priority];
            const at = `response.objectives.${priority}`;
            return (
              <fieldset key={priority}>
                <legend>{priority}</legend>
                <p class="field">
                  <label>
                    <input
                      type="checkbox"
                      checked={objective.offered}
                      onChange={(event) =>
                        setObjective(priority, { offered: event.currentTarget.checked })
                      }
                    />{' '}
                    Offered for {priority} requests
                  </label>
                </p>
                {objective.offered && (
                  <>
                    <NumberField
                      id={`${id}-${priority}-first`}
                      label={`${priority}: first response within (minutes)`}
                      hint="A person must answer within this time; automated replies never count."
                      problem={problems[`${at}.firstResponseMinutes`]}
                      value={objective.firstResponseMinutes}
                      onInput={(value) => setObjective(priority, { firstResponseMinutes: value })}
                    />
                    <NumberField
                      id={`${id}-${priority}-resolution`}
                      label={`${priority}: resolved within (minutes)`}
                      hint="Empty: no resolution target. Time waiting on the customer is not counted."
                      problem={problems[`${at}.resolutionMinutes`]}
                      value={objective.resolutionMinutes}
                      onInput={(value) => setObjective(priority, { resolutionMinutes: value })}
                    />
                    <Field
                      id={`${id}-${priority}-calendar`}
                      label={`${priority}: clock`}
                      hint="Business hours are the agreement's; an agreement without them is measured round the clock."
                    >
                      {(aria) => (
                        <select
                          {...aria}
                          value={objective.calendar}
                          onChange={(event) =>
                            setObjective(priority, {
                              calendar:
                                event.currentTarget.value === 'business' ? 'business' : '24x7',
                            })
                          }
                        >
                          <option value="24x7">Round the clock (24x7)</option>
                          <option value="business">Business hours</option>
                        </select>
                      )}
                    </Field>
                  </>
                )}
              </fieldset>
            );
          })}
          {text(
            'targetPercent',
            'Support: share of requests to meet each objective (%)',
            'e.g. 95.',
          )}
          <Field
            id={`${id}-response-tiers`}
            label="Support credit tiers"
            hint="One per line, below:credit — e.g. 95:5 gives 5 % of the support fee when the lowest attainment is below 95 %."
            problem={problems['response.tiers']}
          >
            {(aria) => (
              <textarea
                {...aria}
                rows={3}
                value={draft.tiers}
                onInput={(event) => set({ tiers: event.currentTarget.value })}
              />
            )}
          </Field>
          {text(
            'capPercent',
            'Support cap (% of the support fee)',
            'The most a month’s response credit may be.',
          )}
          {text(
            'minimumCreditMinor',
            'Minimum support credit (minor units)',
            'A smaller credit is not issued.',
          )}
          {text(
            'claimWindowDays',
            'Support claim window (days)',
            'Days after the month’s end to file a support claim.',
          )}
        </>
      )}
    </fieldset>
  );
}
