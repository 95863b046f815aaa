import { useEffect, useRef, useState } from 'preact/hooks';
import { type Answered, apiClient, call } from '../../lib/api-client.ts';
import { type ApiError, isAbort } from '../../lib/client.ts';
import { fieldsIn, monthLabel } from '../../lib/format.ts';
import { CLAIM_STATUS_LABELS, labelOf } from '../../lib/labels.ts';
import { Termination } from '../shared/evidence.tsx';
import { money, percent } from '../shared/format.ts';
import { asApiError, ErrorMessage, Loading } from '../shared/messages.tsx';
import { PortalBar } from '../shared/PortalBar.tsx';
import { queryParam, setQuery } from '../shared/page-query.ts';
import { ACCOUNT_LINKS } from '../shared/portal-links.ts';
import { SessionGate } from '../shared/SessionGate.tsx';
import { type SupportMonth, SupportSection } from '../shared/support.tsx';
import { TableWrap } from '../shared/TableWrap.tsx';
import { StatusTag } from '../shared/tags.tsx';
import type {
  AgreementOverview,
  AvailabilityItem,
  ClaimDto,
  SessionUser,
  Unavailable,
} from '../shared/types.ts';
import { LocalDate } from '../shared/zoned.tsx';
import { ServiceMonth } from './ServiceMonth.tsx';

/**
 * `/account/`: a customer's agreements and, for the chosen month, each service's figures,
 * credit and claim; the claim history and the month's statement.
 */
export default function AccountApp() {
  return (
    <SessionGate area="customer" signInTitle="Sign in to your account">
      {(user, signOut) => <Account user={user} signOut={signOut} />}
    </SessionGate>
  );
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `YYYY-MM` of an instant in a zone. */
function monthIn(at: string, timeZone: string): string {
  const fields = fieldsIn(at, timeZone);
  return `${fields.year}-${String(fields.month).padStart(2, '0')}`;
}

function shiftMonth(month: string, by: number): string {
  const [year, index] = month.split('-').map(Number) as [number, number];
  const total = year * 12 + (index - 1) + by;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** Every month an agreement covered, newest first: its first month to its current (or last). */
export function monthsOf(agreements: AgreementOverview[]): string[] {
  const months = new Set<string>();
  for (const agreement of agreements) {
    const first = monthIn(agreement.start, agreement.timeZone);
    let last = agreement.currentPeriod;
    if (agreement.end !== null) {
      const final = monthIn(
        new Date(Date.parse(agreement.end) - 1).toISOString(),
        agreement.timeZone,
      );
      if (final < last) last = final;
    }
    for (let month = last; month >= first; month = shiftMonth(month, -1)) months.add(month);
  }
  return [...months].sort().reverse();
}

function Account(props: { user: SessionUser; signOut: () => Promise<void> }) {
  const [agreements, setAgreements] = useState<AgreementOverview[] | null>(null);
  const [claims, setClaims] = useState<ClaimDto[] | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [items, setItems] = useState<AvailabilityItem[] | null>(null);
  const [support, setSupport] = useState<SupportMonth[] | null>(null);
  // Agreements (and services) whose stored data the API could not evaluate: said, not hidden.
  const [brokenAgreements, setBrokenAgreements] = useState<Unavailable[]>([]);
  const [brokenServices, setBrokenServices] = useState<Unavailable[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    let live = true;
    Promise.all([call(apiClient.GET('/me/agreements')), loadAllClaims()])
      .then(([overview, list]) => {
        if (!live) return;
        setAgreements(overview.items);
        setBrokenAgreements(overview.unavailable);
        setClaims(list);
        const months = monthsOf(overview.items);
        const current = overview.items
          .map((agreement) => agreement.currentPeriod)
          .sort()
          .at(-1);
        const asked = queryParam('month');
        // The newest closed month by default: its figures are final and it can be claimed.
        const fallback = months.find((candidate) => current === undefined || candidate < current);
        setMonth(
          asked !== null && MONTH.test(asked) && months.includes(asked)
            ? asked
            : (fallback ?? months[0] ?? null),
        );
      })
      .catch((caught: unknown) => live && setError(asApiError(caught)));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (month === null) return;
    const controller = new AbortController();
    setItems(null);
    call(
      apiClient.GET('/me/availability', {
        params: { query: { period: month, days: 'true', causes: 'true' } },
        signal: controller.signal,
      }),
    )
      .then((answer) => {
        setItems(answer.items);
        setBrokenServices(answer.unavailable);
      })
      .catch((caught: unknown) => {
        if (!isAbort(caught)) setError(asApiError(caught));
      });
    setSupport(null);
    call(
      apiClient.GET('/me/support', {
        params: { query: { period: month } },
        signal: controller.signal,
      }),
    )
      .then((answer) =>
        setSupport(answer.agreements.filter((each): each is SupportMonth => each !== null)),
      )
      .catch((caught: unknown) => {
        if (!isAbort(caught)) setError(asApiError(caught));
      });
    return () => controller.abort();
  }, [month, reload]);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const chooseMonth = (next: string) => {
    setNotice(null);
    setMonth(next);
    setQuery({ month: next });
  };

  const onFiled = (claim: ClaimDto) => {
    setNotice(
      `Claim #${claim.id} filed for ${claim.serviceName}, ${monthLabel(claim.period)}. Support will review it; its status is in your claims below.`,
    );
    setReload((count) => count + 1);
    void loadAllClaims().then(setClaims, (caught: unknown) => setError(asApiError(caught)));
  };

  const months = agreements ? monthsOf(agreements) : [];
  const current = agreements
    ?.map((agreement) => agreement.currentPeriod)
    .sort()
    .at(-1);

  return (
    <>
      <PortalBar user={props.user} signOut={props.signOut} links={ACCOUNT_LINKS('/account/')} />
      <h1>Your service levels</h1>
      <p class="lead">
        The availability of the services in your agreement, measured in the agreement’s time zone
        against its target, the credit the rules give when a month misses it, and your claims.
      </p>
      {error && <ErrorMessage error={error} />}
      {agreements === null && !error && <Loading what="Loading your agreements" />}
      {brokenAgreements.map((gap) => (
        <p key={gap.agreementId} class="notice">
          Agreement #{gap.agreementId} cannot be shown. {gap.reason}
        </p>
      ))}
      {agreements !== null && agreements.length === 0 && brokenAgreements.length === 0 && (
        <p>Your organisation has no agreement in the portal yet.</p>
      )}
      {agreements !== null && agreements.length > 0 && month !== null && (
        <>
          <form class="month-picker" onSubmit={(event) => event.preventDefault()}>
            <div class="field">
              <label for="month">Month</label>
              <select
                id="month"
                value={month}
                onChange={(event) => chooseMonth(event.currentTarget.value)}
              >
                {months.map((option) => (
                  <option key={option} value={option}>
                    {monthLabel(option)}
                    {option === current ? ' (so far)' : ''}
                  </option>
                ))}
              </select>
            </div>
            <StatementLinks month={month} />
          </form>
          <p class="notice" role="status" tabIndex={-1} ref={noticeRef} hidden={!notice}>
            {notice ?? ''}
          </p>
          {agreements.map((agreement) => (
            <AgreementSection
              key={agreement.id}
              agreement={agreement}
              month={month}
              items={items?.filter((item) => item.agreementId === agreement.id) ?? null}
              support={support?.find((each) => each.agreementId === agreement.id) ?? null}
              unavailable={brokenServices.filter((gap) => gap.agreementId === agreement.id)}
              onFiled={onFiled}
              claims={claims ?? []}
              several={agreements.length > 1}
            />
          ))}
        </>
      )}
      {claims !== null && <ClaimHistory claims={claims} />}
    </>
  );
}

async function loadAllClaims(): Promise<ClaimDto[]> {
  const all: ClaimDto[] = [];
  let cursor: string | null = null;
  // A customer's claims fit in a few pages; the cap keeps a runaway loop impossible.
  for (let page = 0; page < 20; page += 1) {
    const answer: Answered<'/me/claims'> = await call(
      apiClient.GET('/me/claims', {
        params: { query: { limit: 100, ...(cursor === null ? {} : { cursor }) } },
      }),
    );
    all.push(...answer.items);
    cursor = answer.nextCursor;
    if (cursor === null) break;
  }
  return all.reverse();
}

function AgreementSection(props: {
  agreement: AgreementOverview;
  month: string;
  items: AvailabilityItem[] | null;
  support: SupportMonth | null;
  unavailable: Unavailable[];
  onFiled: (claim: ClaimDto) => void;
  claims: ClaimDto[];
  several: boolean;
}) {
  const { agreement, month, items } = props;
  const names = new Map(agreement.services.map((service) => [service.slug, service.name]));
  const version = [...agreement.policyVersions]
    .reverse()
    .find((candidate) => candidate.effectiveFrom <= month);
  const headingId = `agreement-${agreement.id}`;
  // An agreement between our own teams is a report: the figures, no fee, no claims (ADR 195).
  const report = agreement.kind === 'internal';
  return (
    <section class="agreement" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {props.several ? `Agreement #${agreement.id}: ` : ''}
        {monthLabel(month)}
        {month === agreement.currentPeriod ? ' (so far)' : ''}
      </h2>
      {report && (
        <p class="notice">
          An internal agreement between our teams: a report of the figures against the target,
          without a fee, credits or claims.
        </p>
      )}
      <dl class="facts">
        <dt>Time zone</dt>
        <dd>{agreement.timeZone} (months and days are counted in it)</dd>
        <dt>Agreement</dt>
        <dd>
          #{agreement.id}, since <LocalDate at={agreement.start} timeZone={agreement.timeZone} />
          {agreement.end && (
            <>
              , until <LocalDate at={agreement.end} timeZone={agreement.timeZone} />
            </>
          )}
        </dd>
        <dt>Policy</dt>
        <dd>
          {agreement.policy.name}
          {version && (
            <>
              , version {version.version} for {monthLabel(month)}: target{' '}
              {percent(version.rules.targetPercent)}
              {report
                ? ''
                : `, claims within ${version.rules.claimWindowDays} days of the month’s end`}
            </>
          )}
          {agreement.policyVersions.length > 1 && (
            <ul class="versions">
              {agreement.policyVersions.map((each) => (
                <li key={each.version}>
                  Version {each.version}:{' '}
                  {each.effectiveFrom === '0000-01'
                    ? 'from the start'
                    : `from ${monthLabel(each.effectiveFrom)}`}
                  {each.until ? `, until ${monthLabel(shiftMonth(each.until, -1))}` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      <Termination termination={agreement.termination} serviceNames={names} />
      <h3 class="services-title">Services</h3>
      {props.unavailable.map((gap) => (
        <p key={gap.service ?? ''} class="notice">
          {gap.service === null ? 'This agreement' : (names.get(gap.service) ?? gap.service)}: no
          figures for {monthLabel(month)}. {gap.reason}
        </p>
      ))}
      {month > agreement.currentPeriod ? (
        <p>
          {monthLabel(month)} has not begun yet in {agreement.timeZone}: it is still{' '}
          {monthLabel(agreement.currentPeriod)} there.
        </p>
      ) : items === null ? (
        <Loading what={`Loading ${monthLabel(month)}`} />
      ) : items.length === 0 && props.unavailable.length === 0 ? (
        <p>The agreement did not cover {monthLabel(month)}.</p>
      ) : (
        <div class="service-months">
          {items.map((item) => (
            <ServiceMonth
              key={`${item.service}-${item.month}`}
              item={item}
              claims={props.claims}
              onFiled={props.onFiled}
              report={report}
            />
          ))}
        </div>
      )}
      {props.support &&
        props.support.status !== 'not-offered' &&
        month <= agreement.currentPeriod && (
          <>
            <h3 class="services-title">Support</h3>
            <div class="service-months">
              <SupportSection
                month={props.support}
                zone={agreement.timeZone}
                claims={props.claims}
                onFiled={props.onFiled}
              />
            </div>
          </>
        )}
    </section>
  );
}

function ClaimHistory(props: { claims: ClaimDto[] }) {
  return (
    <section class="claims" aria-labelledby="claims-title">
      <h2 id="claims-title">Your claims</h2>
      {props.claims.length === 0 ? (
        <p>You have not filed a claim.</p>
      ) : (
        <TableWrap label="Your claims, newest first">
          <table class="stack">
            <caption class="visually-hidden">Your claims, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Service and month</th>
                <th scope="col">Status</th>
                <th scope="col">Amount</th>
                <th scope="col">Filed</th>
              </tr>
            </thead>
            <tbody>
              {props.claims.map((claim) => (
                <tr key={claim.id}>
                  <td data-label="Claim">
                    <a href={`/account/claim/?id=${claim.id}`}>#{claim.id}</a>
                  </td>
                  <td data-label="Service and month">
                    {claim.serviceName}, {monthLabel(claim.period)}
                  </td>
                  <td data-label="Status">
                    <StatusTag
                      status={claim.status}
                      label={labelOf(CLAIM_STATUS_LABELS, claim.status)}
                    />
                  </td>
                  <td data-label="Amount">
                    {claim.approvedAmountMinor !== null
                      ? `${money(claim.approvedAmountMinor, claim.currency)} approved`
                      : `${money(claim.computedCreditMinor, claim.currency)} by the rules`}
                  </td>
                  <td data-label="Filed">
                    <LocalDate
                      at={claim.createdAt}
                      timeZone={(claim.evaluation ?? claim.supportEvaluation)?.timeZone ?? 'UTC'}
                    />
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

const STATEMENT_FORMATS = [
  { ext: 'pdf', label: 'PDF' },
  { ext: 'csv', label: 'CSV' },
  { ext: 'json', label: 'JSON' },
] as const;

/**
 * The chosen month's statement and its year's, in each format (ADR 160–162): PDF to file, CSV
 * for a spreadsheet, JSON with the exact machine fields. Each link names its period and format,
 * so that a screen reader's list of links tells them apart.
 */
function StatementLinks(props: { month: string }) {
  const year = props.month.slice(0, 4);
  const links = (file: string, period: string) =>
    STATEMENT_FORMATS.map((format, index) => (
      <span key={format.ext}>
        {index > 0 && ' · '}
        <a
          href={`/api/v1/me/statements/${file}.${format.ext}`}
          download
          aria-label={`${period} statement, ${format.label}`}
        >
          {format.label}
        </a>
      </span>
    ));
  return (
    <div class="statement">
      <p class="statement-line">
        Statement for {monthLabel(props.month)}: {links(props.month, monthLabel(props.month))}
      </p>
      <p class="statement-line">
        Statement for the year {year}, every month in one document: {links(year, `Year ${year}`)}
      </p>
    </div>
  );
}
