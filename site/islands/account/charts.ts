/**
 * The account page's two charts, drawn with Chart.js. This module is imported dynamically
 * (only when a customer opens a service's charts), so Chart.js never weighs on any other
 * page, nor on /account/ until it is wanted. Only the pieces used are registered, so the
 * bundle leaves out the rest of Chart.js.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export interface ChartDay {
  /** Axis label, e.g. `Wed 14 Oct`. */
  label: string;
  /** Percent, or null where the day had no eligible time. */
  availability: number | null;
  downtimeMinutes: number;
}

/** The page's colours (CSS custom properties), read when drawing so light and dark both fit. */
function palette() {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: read('--fg', '#1f2328'),
    muted: read('--muted', '#59636e'),
    grid: read('--border', '#d1d9e0'),
    line: read('--maint', '#0969da'),
    target: read('--ok', '#1a7f37'),
    downtime: read('--major', '#cf222e'),
    background: read('--bg', '#ffffff'),
  };
}

function commonOptions(colors: ReturnType<typeof palette>) {
  return {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'index' as const, intersect: false },
    plugins: {
      legend: { display: false },
      tooltip: {
        backgroundColor: colors.background,
        titleColor: colors.text,
        bodyColor: colors.text,
        borderColor: colors.grid,
        borderWidth: 1,
      },
    },
  };
}

function xAxis(colors: ReturnType<typeof palette>) {
  return {
    ticks: { color: colors.muted, autoSkip: true, maxRotation: 0, autoSkipPadding: 12 },
    grid: { display: false },
    border: { color: colors.grid },
  };
}

/** Daily availability (line) against the target (dashed line). */
export function drawAvailability(
  canvas: HTMLCanvasElement,
  days: ChartDay[],
  targetPercent: number,
): Chart {
  const colors = palette();
  const values = days.flatMap((day) => (day.availability === null ? [] : [day.availability]));
  const lowest = Math.min(targetPercent, ...values);
  // From a little below the lowest day (or the target) to 100 %; Chart.js rounds the lower
  // bound down to a tick.
  const suggestedMin = Math.max(0, lowest - Math.max(0.02, (100 - lowest) * 0.1));
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: days.map((day) => day.label),
      datasets: [
        {
          label: 'Availability',
          data: days.map((day) => day.availability),
          borderColor: colors.line,
          backgroundColor: colors.line,
          pointRadius: 2,
          pointHoverRadius: 4,
          borderWidth: 2,
          spanGaps: false,
        },
        {
          label: 'Target',
          data: days.map(() => targetPercent),
          borderColor: colors.target,
          borderDash: [6, 4],
          borderWidth: 2,
          pointRadius: 0,
          pointHoverRadius: 0,
        },
      ],
    },
    options: {
      ...commonOptions(colors),
      scales: {
        x: xAxis(colors),
        y: {
          suggestedMin,
          max: 100,
          ticks: { color: colors.muted, callback: (value) => `${value} %` },
          grid: { color: colors.grid },
          border: { color: colors.grid },
        },
      },
    },
  });
}

/** Downtime counted per day, in minutes (bars). */
export function drawDowntime(canvas: HTMLCanvasElement, days: ChartDay[]): Chart {
  const colors = palette();
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: days.map((day) => day.label),
      datasets: [
        {
          label: 'Downtime (minutes)',
          data: days.map((day) => day.downtimeMinutes),
          backgroundColor: colors.downtime,
          borderRadius: 2,
        },
      ],
    },
    options: {
      ...commonOptions(colors),
      scales: {
        x: xAxis(colors),
        y: {
          beginAtZero: true,
          ticks: { color: colors.muted, precision: 0 },
          grid: { color: colors.grid },
          border: { color: colors.grid },
          title: { display: true, text: 'minutes', color: colors.muted },
        },
      },
    },
  });
}
