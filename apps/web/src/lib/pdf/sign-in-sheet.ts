/**
 * A training session's sign-in sheet, printed for venues without a connection: A4 portrait, the
 * session on top of every page (the module's title in the session's language, the other language
 * under it, when, where, who trains), then a table of the expected participants with room to sign
 * and four boxes to tick (present, late, absent, excused), then blank rows for walk-ins. Numbers
 * are in Khmer digits when the session is in Khmer.
 *
 * Every visible string comes in through `input`; this file holds none.
 */
import { numberingSystemOf } from '../../components/notifications/numerals';
import { A4_PORTRAIT, LEADING, PdfDocument, RowFlow, type Rgb, type Row, type TextStyle } from './document';

export interface SignInSheetLabels {
  /** e.g. "Attendance sheet". */
  title: string;
  when: string;
  venue: string;
  trainer: string;
  /** The row number's column, e.g. "No.". */
  number: string;
  member: string;
  cbo: string;
  signature: string;
  present: string;
  late: string;
  absent: string;
  excused: string;
  /** The heading over the blank rows. */
  walkIns: string;
  /** The footer's page number; `{page}` and `{pages}` are replaced, e.g. "Page {page} of {pages}". */
  page: string;
}

export interface SignInSheetParticipant {
  name: string;
  cbo: string;
}

export interface SignInSheetInput {
  /** The session's language: the sheet's words, and its digits. */
  locale: 'km' | 'en';
  /** The module's title in the session's language. */
  moduleTitle: string;
  /** The module's title in the other language (shown under it; may be empty). */
  moduleTitleOther: string;
  /** The date and time, already worded in the session's language. */
  when: string;
  venue: string;
  trainer: string;
  participants: SignInSheetParticipant[];
  /** Blank rows for participants who were not expected; 8 unless told. */
  blankRows?: number;
  labels: SignInSheetLabels;
}

/** Renders the sign-in sheet as an A4 portrait PDF of as many pages as its rows need. */
export async function renderSignInSheetPdf(input: SignInSheetInput): Promise<Buffer> {
  const doc = await PdfDocument.create(A4_PORTRAIT);
  return new SignInSheet(doc, input).render();
}

// ---------------------------------------------------------------------------------------------
// Layout

const MARGIN_X = 40;
const TOP = 40;
const BOTTOM = 56;
const CONTENT_WIDTH = A4_PORTRAIT.width - 2 * MARGIN_X;
const ROW_HEIGHT = 27;
const TICK = 10;

const INK: Rgb = [0.11, 0.11, 0.13];
const MUTED: Rgb = [0.36, 0.37, 0.4];
const ACCENT: Rgb = [0.05, 0.33, 0.45];
const GRID: Rgb = [0.55, 0.57, 0.6];
const HEAD_FILL: Rgb = [0.93, 0.94, 0.95];

const STYLES = {
  title: { weight: 'bold', size: 15, color: ACCENT },
  module: { weight: 'bold', size: 12.5, color: INK },
  moduleOther: { weight: 'regular', size: 10, color: MUTED },
  metaLabel: { weight: 'bold', size: 8.5, color: MUTED },
  meta: { weight: 'regular', size: 9, color: INK },
  head: { weight: 'bold', size: 7, color: INK },
  number: { weight: 'regular', size: 8.5, color: MUTED },
  name: { weight: 'regular', size: 9, color: INK },
  cbo: { weight: 'regular', size: 8, color: MUTED },
  section: { weight: 'bold', size: 9, color: ACCENT },
  footer: { weight: 'regular', size: 8, color: MUTED },
} satisfies Record<string, TextStyle>;

type Column = 'number' | 'member' | 'cbo' | 'signature' | 'present' | 'late' | 'absent' | 'excused';
const TICKS = ['present', 'late', 'absent', 'excused'] as const;
const WIDTHS: Record<Column, number> = {
  number: 26,
  member: 132,
  cbo: 112,
  signature: CONTENT_WIDTH - 26 - 132 - 112 - 4 * 38,
  present: 38,
  late: 38,
  absent: 38,
  excused: 38,
};
const COLUMNS = Object.keys(WIDTHS) as Column[];
/** Where each column starts. */
const LEFT = COLUMNS.reduce(
  (at, column, i) => ({ ...at, [column]: i === 0 ? MARGIN_X : at[COLUMNS[i - 1]] + WIDTHS[COLUMNS[i - 1]] }),
  {} as Record<Column, number>,
);
const PAD = 4;

class SignInSheet {
  private readonly flow: RowFlow;
  private readonly format: Intl.NumberFormat;

  constructor(
    private readonly doc: PdfDocument,
    private readonly input: SignInSheetInput,
  ) {
    this.flow = new RowFlow(doc, { top: TOP, bottom: BOTTOM, pageHeader: () => this.header() });
    this.format = new Intl.NumberFormat(input.locale === 'km' ? 'km-KH' : 'en-GB', {
      numberingSystem: numberingSystemOf(input.locale),
      useGrouping: false,
    });
  }

  render(): Buffer {
    const { input, flow } = this;
    flow.newPage();
    let number = 0;
    for (const participant of input.participants) flow.place([this.row(++number, participant)], false);
    const blank = Math.max(0, input.blankRows ?? 8);
    if (blank > 0) {
      const heading: Row = {
        height: STYLES.section.size * LEADING + 6,
        paint: (ops, top) =>
          this.doc.text(
            ops,
            input.labels.walkIns,
            STYLES.section,
            MARGIN_X,
            top + 6 + STYLES.section.size * 1.15,
          ),
      };
      // The heading stays with the first blank row.
      flow.place([heading, this.row(++number)], true);
      for (let i = 1; i < blank; i++) flow.place([this.row(++number)], false);
    }
    return this.doc.finish({
      title: `${input.labels.title} · ${input.moduleTitle}`,
      lang: input.locale,
      footer: (ops, page, pages) => this.footer(ops, page, pages),
    });
  }

  /** The session and the table's header: on top of every page. */
  private header(): Row[] {
    const { doc, input } = this;
    const { labels } = input;
    const rows: Row[] = [
      ...doc.paragraph(labels.title, STYLES.title, MARGIN_X, CONTENT_WIDTH),
      ...doc.paragraph(input.moduleTitle, STYLES.module, MARGIN_X, CONTENT_WIDTH),
    ];
    if (input.moduleTitleOther.trim())
      rows.push(...doc.paragraph(input.moduleTitleOther, STYLES.moduleOther, MARGIN_X, CONTENT_WIDTH));
    rows.push({ height: 4 });
    const labelWidth = Math.max(
      ...[labels.when, labels.venue, labels.trainer].map((label) => doc.width(label, STYLES.metaLabel)),
    );
    for (const [label, value] of [
      [labels.when, input.when],
      [labels.venue, input.venue],
      [labels.trainer, input.trainer],
    ] as const) {
      const valueX = MARGIN_X + labelWidth + 10;
      const lines = doc.wrap(value, STYLES.meta, MARGIN_X + CONTENT_WIDTH - valueX).slice(0, 2);
      lines.forEach((line, i) =>
        rows.push({
          height: STYLES.meta.size * LEADING,
          paint: (ops, top) => {
            const baseline = top + STYLES.meta.size * 1.15;
            if (i === 0) doc.text(ops, label, STYLES.metaLabel, MARGIN_X, baseline);
            doc.text(ops, line, STYLES.meta, valueX, baseline);
          },
        }),
      );
    }
    rows.push({ height: 10 }, this.tableHeader());
    return rows;
  }

  private tableHeader(): Row {
    const { doc, input } = this;
    const titles: Record<Column, string> = {
      number: input.labels.number,
      member: input.labels.member,
      cbo: input.labels.cbo,
      signature: input.labels.signature,
      present: input.labels.present,
      late: input.labels.late,
      absent: input.labels.absent,
      excused: input.labels.excused,
    };
    const lines = Object.fromEntries(
      COLUMNS.map((column) => [column, doc.wrap(titles[column], STYLES.head, WIDTHS[column] - 2 * 2)]),
    ) as Record<Column, string[]>;
    const lineHeight = STYLES.head.size * LEADING;
    const rowHeight = Math.max(...COLUMNS.map((column) => lines[column].length)) * lineHeight + 6;
    return {
      height: rowHeight,
      paint: (ops, top) => {
        doc.rect(ops, MARGIN_X, top, CONTENT_WIDTH, rowHeight, {
          fill: HEAD_FILL,
          stroke: GRID,
          lineWidth: 0.6,
        });
        for (const column of COLUMNS) {
          const centre = LEFT[column] + WIDTHS[column] / 2;
          lines[column].forEach((line, i) =>
            doc.centredText(
              ops,
              line,
              STYLES.head,
              centre,
              top + 3 + i * lineHeight + STYLES.head.size * 1.15,
            ),
          );
        }
        this.dividers(ops, top, rowHeight);
      },
    };
  }

  /** One participant's row, or a blank row for a walk-in. */
  private row(number: number, participant?: SignInSheetParticipant): Row {
    const { doc } = this;
    const name = participant
      ? doc.wrap(participant.name, STYLES.name, WIDTHS.member - 2 * PAD).slice(0, 2)
      : [];
    const cbo = participant ? doc.wrap(participant.cbo, STYLES.cbo, WIDTHS.cbo - 2 * PAD).slice(0, 2) : [];
    return {
      height: ROW_HEIGHT,
      paint: (ops, top) => {
        doc.rect(ops, MARGIN_X, top, CONTENT_WIDTH, ROW_HEIGHT, { stroke: GRID, lineWidth: 0.6 });
        this.dividers(ops, top, ROW_HEIGHT);
        doc.centredText(
          ops,
          this.format.format(number),
          STYLES.number,
          LEFT.number + WIDTHS.number / 2,
          top + ROW_HEIGHT / 2 + 3,
        );
        this.cellLines(ops, name, STYLES.name, LEFT.member + PAD, top);
        this.cellLines(ops, cbo, STYLES.cbo, LEFT.cbo + PAD, top);
        for (const tick of TICKS) {
          doc.rect(ops, LEFT[tick] + (WIDTHS[tick] - TICK) / 2, top + (ROW_HEIGHT - TICK) / 2, TICK, TICK, {
            stroke: INK,
            lineWidth: 0.7,
          });
        }
      },
    };
  }

  /** One or two lines, centred in the row's height. */
  private cellLines(ops: string[], lines: string[], style: TextStyle, x: number, top: number): void {
    const lineHeight = style.size * 1.45;
    const start = top + (ROW_HEIGHT - lines.length * lineHeight) / 2;
    lines.forEach((line, i) =>
      this.doc.text(ops, line, style, x, start + i * lineHeight + style.size * 1.05),
    );
  }

  private dividers(ops: string[], top: number, rowHeight: number): void {
    for (const column of COLUMNS.slice(1)) {
      this.doc.line(ops, LEFT[column], top, LEFT[column], top + rowHeight, GRID, 0.6);
    }
  }

  private footer(ops: string[], page: number, pages: number): void {
    const { doc, input } = this;
    const baseline = doc.size.height - 30;
    const template = input.labels.page;
    const label = /\{page\}/.test(template)
      ? template.replace('{page}', this.format.format(page)).replace('{pages}', this.format.format(pages))
      : `${template} ${this.format.format(page)}`;
    const width = doc.width(label, STYLES.footer);
    const title = doc.fitLine(input.moduleTitle, STYLES.footer, CONTENT_WIDTH - width - 24);
    if (title) doc.text(ops, title, STYLES.footer, MARGIN_X, baseline);
    doc.text(ops, label, STYLES.footer, MARGIN_X + CONTENT_WIDTH - width, baseline);
  }
}
