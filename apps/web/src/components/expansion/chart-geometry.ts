import { PIPELINE_STAGES, type PipelineStage } from '@bandanh/contracts';

export interface ChartRow {
  code: string;
  label: string;
  counts: Partial<Record<PipelineStage, number>>;
  total: number;
}

export interface Segment {
  stage: PipelineStage;
  count: number;
  x: number;
  width: number;
}

/** The chart's drawing units: the SVG scales to the width of the page. */
export const CHART = { width: 360, label: 112, total: 30, row: 24, bar: 14 } as const;

/** Each row's stacked segments, in stage order, on one scale: the longest bar fills the room there is. */
export function stackedBars(
  rows: ChartRow[],
  room: number = CHART.width - CHART.label - CHART.total,
): Segment[][] {
  const most = Math.max(0, ...rows.map((row) => row.total));
  return rows.map((row) => {
    let x: number = CHART.label;
    return PIPELINE_STAGES.filter((stage) => (row.counts[stage] ?? 0) > 0).map((stage) => {
      const count = row.counts[stage] ?? 0;
      const width = most > 0 ? (count / most) * room : 0;
      const segment = { stage, count, x, width };
      x += width;
      return segment;
    });
  });
}
