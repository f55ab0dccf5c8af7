import { PIPELINE_STAGES, type PipelineStage } from '@bandanh/contracts';
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

export interface ChartRow {
  code: string;
  label: string;
  counts: Partial<Record<PipelineStage, number>>;
  total: number;
}

const WIDTH = 360;
const LABEL = 112;
const TOTAL = 30;
const ROW = 24;
const BAR = 14;

export interface Segment {
  stage: PipelineStage;
  count: number;
  x: number;
  width: number;
}

/** Each row's stacked segments, in stage order, on one scale: the longest bar fills the room there is. */
export function stackedBars(rows: ChartRow[], room = WIDTH - LABEL - TOTAL): Segment[][] {
  const most = Math.max(0, ...rows.map((row) => row.total));
  return rows.map((row) => {
    let x = LABEL;
    return PIPELINE_STAGES.filter((stage) => (row.counts[stage] ?? 0) > 0).map((stage) => {
      const count = row.counts[stage] ?? 0;
      const width = most > 0 ? (count / most) * room : 0;
      const segment = { stage, count, x, width };
      x += width;
      return segment;
    });
  });
}

interface Props {
  rows: ChartRow[];
  stageLabels: Record<PipelineStage, string>;
  title: string;
  description: string;
}

/**
 * CBOs per stage in each province, as a stacked bar chart drawn on the server: no script, no
 * library. Each part has a tooltip; the same numbers are in the table that follows it.
 */
export function StageChart({ rows, stageLabels, title, description }: Props) {
  const bars = stackedBars(rows);
  const height = rows.length * ROW + 4;
  return (
    <figure className={styles.chart}>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="stage-chart-title stage-chart-desc"
        className={styles.svg}
        data-stage-chart
      >
        <title id="stage-chart-title">{title}</title>
        <desc id="stage-chart-desc">{description}</desc>
        {rows.map((row, i) => {
          const y = i * ROW + 4;
          const end = bars[i].reduce((x, segment) => x + segment.width, LABEL);
          return (
            <g key={row.code} data-chart-province={row.code}>
              <text x={LABEL - 6} y={y + BAR - 2} textAnchor="end" fontSize="11" fill="currentColor">
                {row.label}
              </text>
              {bars[i].map((segment) => (
                <rect
                  key={segment.stage}
                  x={segment.x}
                  y={y}
                  width={Math.max(segment.width, 0.5)}
                  height={BAR}
                  fill={STAGE_COLOURS[segment.stage]}
                >
                  <title>{`${row.label}, ${stageLabels[segment.stage]}: ${segment.count}`}</title>
                </rect>
              ))}
              <text x={end + 4} y={y + BAR - 2} fontSize="11" fill="currentColor">
                {row.total}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className={styles.legend}>
          {PIPELINE_STAGES.map((stage) => (
            <li key={stage}>
              <span className={styles.swatch} style={{ background: STAGE_COLOURS[stage] }} aria-hidden="true" />
              {stageLabels[stage]}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
