import { useState } from 'preact/hooks';
import type { components } from '../../../lib/api-client.ts';
import { monthLabel } from '../../../lib/format.ts';
import { money, zonedDateTime } from '../../shared/format.ts';
import { TableWrap } from '../../shared/TableWrap.tsx';

/**
 * The figures of a previewed version (POST /staff/policies/{id}/versions/preview): per
 * agreement, service and month, now and under the proposed rules, with credits summed per
 * currency (never across currencies).
 */

type Preview = components['schemas']['PolicyVersionPreview'];
type PreviewAgreement = Preview['agreements'][number];
type Row = PreviewAgreement['rows'][number];
type Figures = Row['proposed'];
type Total = components['schemas']['PreviewCurrencyTotal'];

const STATUS_TEXT: Record<Figures['status'], string> = {
  evaluated: '',
  'not-covered': 'Not covered',
  'not-monitored': 'No data',
  'no-eligible-time': 'No eligible time',
};

function availability(figures: Figures): string {
  return figures.availabilityDisplay === null
    ? STATUS_TEXT[figures.status]
    : `${figures.availabilityDisplay}\u00a0%`;
}

function target(figures: Figures): string {
  if (figures.met === null) return '—';
  return figures.met ? 'Met' : 'Missed';
}

function signed(minor: number, currency: string): string {
  if (minor === 0) return 'no change';
  return minor > 0 ? `+${money(minor, currency)}` : `−${money(-minor, currency)}`;
}

function TotalsText(props: { totals: Total[]; version: number }) {
  if (props.totals.length === 0) return null;
  return (
    <ul class="totals">
      {props.totals.map((total) => (
        <li key={total.currency}>
          <strong>{total.currency}</strong>: {money(total.currentCreditMinor, total.currency)} now,{' '}
          {money(total.proposedCreditMinor, total.currency)} with version {props.version} (
          {signed(total.proposedCreditMinor - total.currentCreditMinor, total.currency)})
        </li>
      ))}
    </ul>
  );
}

export function PreviewFigures(props: { preview: Preview }) {
  const { preview } = props;
  const changed = preview.agreements.reduce(
    (sum, agreement) => sum + agreement.rows.filter((row) => row.differs).length,
    0,
  );
  const [onlyChanged, setOnlyChanged] = useState(changed > 0);
  return (
    <>
      <h4>Figures on the last 12 months</h4>
      <p>
        Every agreement on this policy, per service and month, computed as the portal computes them
        (as of {zonedDateTime(preview.asOf, 'UTC')} UTC). “Now” is the version that governed the
        month; closed months never change, so for them the proposed figures show what the new rules
        would have given.{' '}
        {changed === 0 ? 'No figure changes.' : `${changed} service-months change.`}
      </p>
      {preview.totals.length > 0 && (
        <>
          <p>Credits over the months shown, all agreements, per currency:</p>
          <TotalsText totals={preview.totals} version={preview.version} />
        </>
      )}
      {preview.agreements.length > 0 && (
        <p class="check">
          <input
            id="preview-only-changed"
            type="checkbox"
            checked={onlyChanged}
            onChange={(event) => setOnlyChanged(event.currentTarget.checked)}
          />
          <label for="preview-only-changed">Show only the months whose figures change</label>
        </p>
      )}
      {preview.agreements.length === 0 && <p>No agreement uses this policy yet.</p>}
      {preview.agreements.map((agreement) => (
        <AgreementFigures
          key={agreement.id}
          agreement={agreement}
          version={preview.version}
          onlyChanged={onlyChanged}
        />
      ))}
    </>
  );
}

function AgreementFigures(props: {
  agreement: PreviewAgreement;
  version: number;
  onlyChanged: boolean;
}) {
  const { agreement, version } = props;
  const rows = props.onlyChanged ? agreement.rows.filter((row) => row.differs) : agreement.rows;
  const title = `${agreement.customer.name}, agreement #${agreement.id}`;
  return (
    <section class="preview-agreement" aria-label={title}>
      <h5>
        {title}{' '}
        <span class="meta">
          (months in {agreement.timeZone}
          {agreement.active ? '' : '; ended'})
        </span>
      </h5>
      <TotalsText totals={agreement.totals} version={version} />
      {agreement.rows.length === 0 ? (
        <p>The agreement covered none of these months.</p>
      ) : rows.length === 0 ? (
        <p>No month’s figures change.</p>
      ) : (
        <TableWrap label={`Figures, ${title}`}>
          <table class="stack preview-table">
            <caption class="visually-hidden">
              {title}: figures now and with version {version}
            </caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Service</th>
                <th scope="col" class="number">
                  Availability now
                </th>
                <th scope="col" class="number">
                  With v{version}
                </th>
                <th scope="col">Target now</th>
                <th scope="col">With v{version}</th>
                <th scope="col" class="number">
                  Credit now
                </th>
                <th scope="col" class="number">
                  With v{version}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={`${row.service}-${row.month}`}
                  class={row.differs ? 'differs' : undefined}
                  data-month={row.month}
                  data-service={row.service}
                >
                  <th scope="row" data-label="Month">
                    {monthLabel(row.month)}
                    {row.toDate && ' (to date)'}
                  </th>
                  <td data-label="Service">{row.serviceName}</td>
                  <td data-label="Availability now" class="number">
                    {availability(row.current)}
                  </td>
                  <td data-label={`Availability with v${version}`} class="number">
                    {availability(row.proposed)}
                  </td>
                  <td data-label="Target now">
                    {target(row.current)} (v{row.current.version})
                  </td>
                  <td data-label={`Target with v${version}`}>{target(row.proposed)}</td>
                  <td data-label="Credit now" class="number">
                    {money(row.current.creditMinor, row.currency)}
                  </td>
                  <td data-label={`Credit with v${version}`} class="number">
                    {money(row.proposed.creditMinor, row.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}
