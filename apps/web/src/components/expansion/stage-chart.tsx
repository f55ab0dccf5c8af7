import { PIPELINE_STAGES, type PipelineStage } from '@bandanh/contracts';
import { CHART, stackedBars, type ChartRow } from './chart-geometry';
import styles from './expansion.module.css';

/** One colour per stage: blues on the way in, greens once a participant, red and grey when out. */
export const STAGE_COLOURS: Record<PipelineStage, string> = {
  identified: '#9ecae1',
  assessment: '#6baed6',
  selection: '#3182bd',
  participant: '#41ab5d',
  training: '#238b45',
  grant_eligible: '#005a32',
  declined: '#d6604d',
  withdrawn: '#9e9e9e',
};

interface Props {
  rows: ChartRow[];
  stageLabels: Record<PipelineStage, string>;
  /** A count in the reader's numerals. */
  formatNumber: (n: number) => string;
  title: string;
  description: string;
}

/**
 * CBOs per stage in each province, as a stacked bar chart drawn on the server: no script, no
 * library. Each part has a tooltip; the same numbers are in the table that follows it.
 */
export function StageChart({ rows, stageLabels, formatNumber, title, description }: Props) {
  const bars = stackedBars(rows);
  const { width, label, row: rowHeight, bar } = CHART;
  const height = rows.length * rowHeight + 4;
  return (
    <figure className={styles.chart}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby="stage-chart-title stage-chart-desc"
        className={styles.svg}
        data-stage-chart
      >
        <title id="stage-chart-title">{title}</title>
        <desc id="stage-chart-desc">{description}</desc>
        {rows.map((row, i) => {
          const y = i * rowHeight + 4;
          const end = bars[i].reduce<number>((x, segment) => x + segment.width, label);
          return (
            <g key={row.code} data-chart-province={row.code}>
              <text x={label - 6} y={y + bar - 2} textAnchor="end" fontSize="11" fill="currentColor">
                {row.label}
              </text>
              {bars[i].map((segment) => (
                <rect
                  key={segment.stage}
                  x={segment.x}
                  y={y}
                  width={Math.max(segment.width, 0.5)}
                  height={bar}
                  fill={STAGE_COLOURS[segment.stage]}
                >
                  <title>{`${row.label}, ${stageLabels[segment.stage]}: ${formatNumber(segment.count)}`}</title>
                </rect>
              ))}
              <text x={end + 4} y={y + bar - 2} fontSize="11" fill="currentColor">
                {formatNumber(row.total)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className={styles.legend}>
          {PIPELINE_STAGES.map((stage) => (
            <li key={stage}>
              <span
                className={styles.swatch}
                style={{ background: STAGE_COLOURS[stage] }}
                aria-hidden="true"
              />
              {stageLabels[stage]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
