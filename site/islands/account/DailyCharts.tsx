import { useEffect, useRef, useState } from 'preact/hooks';
import { duration } from '../../lib/format.ts';
import { percent } from '../shared/format.ts';
import { TableWrap } from '../shared/TableWrap.tsx';
import type { AvailabilityItem } from '../shared/types.ts';
import { dailyChartFigures } from './daily-figures.ts';

/**
 * A service's month day by day: availability against the target, and downtime minutes.
 * Chart.js is fetched only when the customer opens the charts (a dynamic import), and the
 * same figures are offered as a table for screen readers and keyboard users.
 */
export function DailyCharts(props: { item: AvailabilityItem; id: string }) {
  const [open, setOpen] = useState(false);
  const days = props.item.days ?? [];
  if (days.length === 0) return null;
  const panel = `${props.id}-charts`;
  return (
    <div class="daily">
      <button
        type="button"
        class="secondary"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide daily charts' : 'Show daily charts'}
      </button>
      <div id={panel} hidden={!open}>
        {open && <Charts item={props.item} />}
      </div>
    </div>
  );
}

function Charts(props: { item: AvailabilityItem }) {
  const { item } = props;
  const availabilityRef = useRef<HTMLCanvasElement>(null);
  const downtimeRef = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  const target = item.policy.targetPercent;
  const { days, belowCount, lowest } = dailyChartFigures(item.days ?? [], target);

  useEffect(() => {
    let charts: { destroy(): void }[] = [];
    let cancelled = false;
    const draw = async () => {
      try {
        const module = await import('./charts.ts');
        if (cancelled || !availabilityRef.current || !downtimeRef.current) return;
        for (const chart of charts) chart.destroy();
        charts = [
          module.drawAvailability(availabilityRef.current, days, target),
          module.drawDowntime(downtimeRef.current, days),
        ];
      } catch {
        if (!cancelled) setFailed(true);
      }
    };
    void draw();
    // Redraw in the other scheme's colours when the system switches light/dark.
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const redraw = () => void draw();
    scheme.addEventListener('change', redraw);
    return () => {
      cancelled = true;
      scheme.removeEventListener('change', redraw);
      for (const chart of charts) chart.destroy();
    };
    // The figures of one item never change while it is shown (a new month is a new item).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [item]);

  const summary =
    lowest === null
      ? 'No day had eligible time.'
      : `${belowCount} of ${days.length} days below the target of ${percent(target)}; lowest ${
          lowest.availabilityText
        }\u00a0% on ${lowest.label}.`;
  const downtimeDays = days.filter((day) => day.downtimeMs > 0);
  const downtimeSummary =
    downtimeDays.length === 0
      ? 'No downtime on any day.'
      : `Downtime on ${downtimeDays.length} of ${days.length} days, most ${duration(
          Math.max(...downtimeDays.map((day) => day.downtimeMs)),
        )} in one day.`;

  return (
    <div class="charts">
      {failed && (
        <p class="alert">The charts could not be loaded; the table below has the figures.</p>
      )}
      <figure>
        <figcaption>
          Daily availability against the target ({percent(target)}, dashed), in {item.timeZone} days
        </figcaption>
        <div class="chart-box">
          <canvas ref={availabilityRef} role="img" aria-label={`Daily availability. ${summary}`} />
        </div>
      </figure>
      <figure>
        <figcaption>Downtime counted per day, in minutes</figcaption>
        <div class="chart-box">
          <canvas
            ref={downtimeRef}
            role="img"
            aria-label={`Downtime per day. ${downtimeSummary}`}
          />
        </div>
      </figure>
      <p class="meta">{summary}</p>
      <details>
        <summary>The same figures as a table</summary>
        <TableWrap label={`Daily figures, ${item.serviceName}`}>
          <table>
            <caption>Each local day of the month</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Availability</th>
                <th scope="col">Downtime</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.date} class={day.belowTarget ? 'below' : undefined}>
                  <td>{day.label}</td>
                  <td>
                    {day.availabilityText === null
                      ? 'not counted'
                      : `${day.availabilityText}\u00a0%`}
                    {day.belowTarget && ' (below target)'}
                  </td>
                  <td>{duration(day.downtimeMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </div>
  );
}
