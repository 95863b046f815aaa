import { duration, monthLabel } from '../../lib/format.ts';
import { labelOf, WINDOW_STATE_LABELS } from '../../lib/labels.ts';
import {
  IGNORED_REASONS,
  plural,
  unmeasuredTime,
  zonedDate,
  zonedDateTime,
  zonedRange,
} from './format.ts';
import { TableWrap } from './TableWrap.tsx';
import type { CountedCause, EvaluationResult, TerminationRight } from './types.ts';
import { localText, type Viewer } from './zoned.tsx';

/**
 * The evidence behind a figure, shown alike to customers and staff: the windows counted and
 * ignored (with reasons) and the termination right.
 */

/** `30 %` for a weight of 0.3. */
function weightText(weight: number): string {
  return `${Math.round(weight * 1000) / 10}\u00a0%`;
}

/** A window's span in a zone: `12 Oct 2026, 10:00–13:10`, or `from … (open)`. */
function spanText(start: string, end: string | null, zone: string): string {
  return end === null ? `from ${zonedDateTime(start, zone)} (open)` : zonedRange(start, end, zone);
}

/** The incident behind a counted piece, linked to its public page, and how it was found. */
function IncidentCell(props: { cause: CountedCause | undefined }) {
  const incident = props.cause?.incident ?? null;
  if (incident === null) return <>None recorded</>;
  return (
    <>
      <a href={`/incidents/${incident.id}/`}>{incident.title}</a>
      {incident.linked === 'overlap' && (
        <span class="meta"> (open on this service at the time)</span>
      )}
    </>
  );
}

/**
 * The windows behind a figure: the pieces counted as downtime (with, when the API gave them,
 * the state and the incident behind each) and the windows ignored, with the reason. Times in
 * the agreement's zone, named in the headers; staff also read each in UTC.
 */
export function WindowTables(props: {
  evaluation: EvaluationResult;
  /** Names the tables apart from others on the page, e.g. the service. */
  context: string;
  title?: string;
  viewer?: Viewer;
  /** `countedCauses` of the availability item, in the order of `counted`. */
  causes?: CountedCause[] | undefined;
}) {
  const { evaluation, causes } = props;
  const zone = evaluation.timeZone;
  const staff = props.viewer === 'staff' && zone !== 'UTC';
  const counted = evaluation.counted;
  const ignored = evaluation.ignored;
  // With nothing measured, "0 counted" would read as a month without downtime.
  const unmeasured = evaluation.status === 'not-monitored';
  const whenHeader = `When (${zone})`;
  return (
    <details class="windows">
      <summary>
        {props.title ?? 'Windows'}: {unmeasured ? 'nothing measured' : `${counted.length} counted`},{' '}
        {ignored.length} ignored
      </summary>
      <p class="meta">
        Times in {zone}
        {staff ? ', and in UTC beside them' : ''}.
      </p>
      {unmeasured ? (
        <p>
          Nothing was measured this month: no downtime could be counted, and none of the month
          counts as available.
        </p>
      ) : counted.length === 0 ? (
        <p>No downtime was counted.</p>
      ) : (
        <TableWrap label={`Windows counted, ${props.context}`}>
          <table>
            <caption>Counted as downtime</caption>
            <thead>
              <tr>
                <th scope="col">{whenHeader}</th>
                {staff && <th scope="col">When (UTC)</th>}
                {causes && <th scope="col">State</th>}
                <th scope="col">Weight</th>
                <th scope="col">Downtime counted</th>
                {causes && <th scope="col">Incident</th>}
              </tr>
            </thead>
            <tbody>
              {counted.map((piece, index) => {
                const cause = causes?.[index];
                return (
                  <tr key={`${piece.start}-${piece.end}-${piece.weight}`}>
                    <td>{zonedRange(piece.start, piece.end, zone)}</td>
                    {staff && <td>{zonedRange(piece.start, piece.end, 'UTC')}</td>}
                    {causes && (
                      <td>
                        {cause?.state
                          ? labelOf(WINDOW_STATE_LABELS, cause.state)
                          : '— (no window any more: corrected since)'}
                      </td>
                    )}
                    <td>{weightText(piece.weight)}</td>
                    <td>{duration(piece.downtimeMs)}</td>
                    {causes && (
                      <td>
                        <IncidentCell cause={cause} />
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      {ignored.length === 0 ? (
        <p>No window was ignored.</p>
      ) : (
        <TableWrap label={`Windows ignored, ${props.context}`}>
          <table>
            <caption>Ignored, with the reason</caption>
            <thead>
              <tr>
                <th scope="col">{whenHeader}</th>
                {staff && <th scope="col">When (UTC)</th>}
                <th scope="col">State</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {ignored.map((window) => (
                <tr key={`${window.index}-${window.start}`}>
                  <td>{spanText(window.start, window.end, zone)}</td>
                  {staff && <td>{spanText(window.start, window.end, 'UTC')}</td>}
                  <td>{labelOf(WINDOW_STATE_LABELS, window.state)}</td>
                  <td>{labelOf(IGNORED_REASONS, window.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </details>
  );
}

/** Whether the policy's termination right is earned, and the months that earned it. */
export function Termination(props: {
  termination: TerminationRight | null;
  serviceNames: Map<string, string>;
  headingLevel?: 'h3' | 'h2';
}) {
  const Heading = props.headingLevel ?? 'h3';
  const { termination } = props;
  if (termination === null) {
    return (
      <div class="termination">
        <Heading>Right to terminate</Heading>
        <p>The policy of this agreement has no termination right for missed targets.</p>
      </div>
    );
  }
  const { rule, missedPeriods, consideredPeriods } = termination;
  const names = (slugs: string[]) =>
    slugs.map((slug) => props.serviceNames.get(slug) ?? slug).join(', ');
  return (
    <div class="termination">
      <Heading>Right to terminate</Heading>
      <p>
        {termination.earned ? (
          <span class="status status-missed">Earned</span>
        ) : (
          <span class="status status-met">Not earned</span>
        )}{' '}
        The policy gives the right to end the agreement after{' '}
        {plural(rule.missedPeriods, 'missed month')} within {plural(rule.withinPeriods, 'month')}.{' '}
        {plural(missedPeriods.length, 'month')} of the last{' '}
        {plural(consideredPeriods.length, 'closed month')} missed the target
        {missedPeriods.length === 0 ? '.' : ':'}
      </p>
      {missedPeriods.length > 0 && (
        <ul class="missed-months">
          {missedPeriods.map((missed) => (
            <li key={missed.period}>
              {monthLabel(missed.period)}: {names(missed.services)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The measured interval in words: a whole month, or month to date; "Not measured: …" for a
 * month before monitoring began (measuredFromText says how much of a month was not).
 */
export function measuredText(evaluation: EvaluationResult): string {
  const zone = evaluation.timeZone;
  const lead = evaluation.status === 'not-monitored' ? 'Not measured: ' : '';
  if (Date.parse(evaluation.asOf) < Date.parse(evaluation.period.end)) {
    const until = `until ${zonedDateTime(evaluation.asOf, zone)} (${zone})`;
    return lead ? `${lead}month to date, ${until}` : `Month to date, measured ${until}`;
  }
  const lastDay = Date.parse(evaluation.period.end) - 1;
  return `${lead}${zonedDate(evaluation.period.start, zone)} – ${zonedDate(lastDay, zone)} (${zone})`;
}

/**
 * Why a month nobody measured has no figure: "No data — monitoring of this service began on
 * 3 Jul 2026" (the date in the agreement's zone). `monitoredSince` is the service's.
 */
export function notMonitoredText(evaluation: EvaluationResult, monitoredSince: string | null) {
  if (monitoredSince === null) return 'No data — the service was not monitored in this month';
  const verb = Date.parse(monitoredSince) > Date.now() ? 'begins' : 'began';
  const zone = evaluation.timeZone;
  return `No data — monitoring of this service ${verb} on ${zonedDate(monitoredSince, zone)} (${zone})`;
}

/**
 * For a month measured only in part: "Measured from 3 Jul 2026, 00:00 · 2 days 0 h not
 * measured"; null when the month was measured throughout (or not at all).
 */
export function measuredFromText(
  evaluation: EvaluationResult,
  monitoredSince: string | null,
): string | null {
  if (evaluation.status === 'not-monitored' || evaluation.unmonitoredMs === 0) return null;
  const from =
    monitoredSince === null
      ? 'Measured in part'
      : `Measured from ${localText(monitoredSince, evaluation.timeZone)}`;
  return `${from} · ${unmeasuredTime(evaluation.unmonitoredMs)} not measured`;
}
