// The demo's small grants, loaded by seed.ts after the training (which makes seven groups
// grant-eligible): an open round and a closed one, and applications in every stage.
//
// Everything takes the real path: an admin opens the rounds through the API, the CBOs' members
// start, fill in and submit their applications (one with a quote attached by resumable upload),
// and the coordinator, the reviewers and the approvers take their steps in each application's
// workflow as themselves, the seed waiting for the workflow between steps. Round 1 takes its
// applications while open; then an admin moves its closing into the past. Running it again adds
// nothing: what exists is looked up first, and each submission has a fixed idempotency key.
import { createHash } from 'node:crypto';
import type { IdentityConfig } from '../../apps/identity/src/config/env';
import { ensureAccounts, type AccountSeed } from '../../apps/identity/src/app';
import type { BudgetCategory, GrantRoundDraft } from '../../libs/contracts/src';
import { DEMO_MEMBERS, DEMO_STAFF } from './demo-accounts';
import { DEMO_CBOS } from './demo-network';
import { DemoCalendar, type SeedTools } from './demo-training';

/** How long the seed waits for one application's workflow to reach where the demo leaves it. */
const WAIT_MS = 180_000;
/**
 * How long round 1, opened by the first seed, takes applications at most: the admin closes it as
 * soon as they are in; should the update be refused, it closes by its date meanwhile.
 */
const ROUND_1_OPEN_MS = 3 * 60_000;

type RoundKey = 'round-1' | 'round-2';

/** Where the demo leaves an application. */
type Aim =
  /** A draft, half filled in (the persona of the member who has an application to finish). */
  | 'draft'
  /** Submitted; the coordinator's eligibility check is waiting. */
  | 'eligibility'
  /** In review: the first reviewer has scored it, the second not yet. */
  | 'review'
  /** In the approval chain: the programme manager approved, the grant committee decides next. */
  | 'approval'
  /** Approved (every step of its chain), waiting for its agreement. */
  | 'agreement'
  /** Declined by the coordinator's eligibility check, with the reason. */
  | 'ineligible'
  /** Declined by the programme manager, with the reason. */
  | 'declined'
  /** Returned for changes by the programme manager, with the reason: the draft is open again. */
  | 'returned';

const STAFF = (role: string) => DEMO_STAFF.filter((account) => account.roles?.includes(role as never));
const ADMIN = STAFF('admin')[0]!;
const [REVIEWER, REVIEWER_2] = STAFF('reviewer') as [AccountSeed, AccountSeed];
const APPROVERS = {
  programme_manager: STAFF('programme_manager')[0]!,
  grant_committee: STAFF('grant_committee')[0]!,
  director: STAFF('director')[0]!,
} as const;
type ChainRole = keyof typeof APPROVERS;

const rubric = (keys: ReadonlyArray<keyof typeof CRITERIA>) => keys.map((key) => ({ key, ...CRITERIA[key] }));

/** The review criteria of the demo's rounds, each scored 0 to 5. */
const CRITERIA = {
  relevance: {
    labelKm: 'ភាពពាក់ព័ន្ធនឹងសិទ្ធិរបស់សហគមន៍',
    labelEn: 'Relevance to the community’s rights',
    weight: 3,
    maxScore: 5,
  },
  feasibility: {
    labelKm: 'លទ្ធភាពអនុវត្តផែនការ',
    labelEn: 'Feasibility of the plan',
    weight: 2,
    maxScore: 5,
  },
  participation: {
    labelKm: 'ការចូលរួមរបស់សមាជិក និងស្ត្រី',
    labelEn: 'Participation of members and women',
    weight: 2,
    maxScore: 5,
  },
  value: {
    labelKm: 'ថវិកាសមរម្យនឹងលទ្ធផល',
    labelEn: 'Value for money',
    weight: 1,
    maxScore: 5,
  },
} as const;

/** The two rounds; their dates from the calendar of the first seed (weeks from this Monday). */
function roundDrafts(calendar: DemoCalendar): Record<RoundKey, GrantRoundDraft> {
  return {
    // Closed: it took its applications, then an admin closed it (seedGrants); blind review.
    'round-1': {
      nameKm: 'ជំនួយតូចៗ ឆ្នាំ២០២៦ — ជុំទី១',
      nameEn: 'Small grants 2026 — round 1',
      currency: 'USD',
      budget: 1_500_000,
      minAmount: 20_000,
      maxAmount: 200_000,
      opensAt: calendar.at(-12, 1, '08:00'),
      // Open while its applications come in (a few minutes); closed by an update once they have.
      closesAt: new Date(Date.now() + ROUND_1_OPEN_MS).toISOString(),
      eligibility: { provinceCodes: [], focusIssues: [] },
      rubric: rubric(['relevance', 'feasibility', 'value']),
      reviewersPerApplication: 2,
      blindReview: true,
      approvalChain: [
        { role: 'programme_manager', aboveAmount: 0 },
        { role: 'grant_committee', aboveAmount: 150_000 },
      ],
    },
    // Open: two weeks ago until three weeks ahead.
    'round-2': {
      nameKm: 'ជំនួយតូចៗ ឆ្នាំ២០២៦ — ជុំទី២',
      nameEn: 'Small grants 2026 — round 2',
      currency: 'USD',
      budget: 2_000_000,
      minAmount: 20_000,
      maxAmount: 300_000,
      opensAt: calendar.at(-2, 1, '08:00'),
      closesAt: calendar.at(3, 5, '17:00'),
      eligibility: { provinceCodes: [], focusIssues: [] },
      rubric: rubric(['relevance', 'feasibility', 'participation', 'value']),
      reviewersPerApplication: 2,
      blindReview: false,
      approvalChain: [
        { role: 'programme_manager', aboveAmount: 0 },
        { role: 'grant_committee', aboveAmount: 100_000 },
        { role: 'director', aboveAmount: 250_000 },
      ],
    },
  };
}

interface Line {
  category: BudgetCategory;
  description: string;
  /** In cents. */
  unitCost: number;
  quantity: number;
  contribution?: number;
}

interface Plan {
  title: string;
  objectives: string;
  description: string;
  place: string;
  /** Weeks from this Monday, and the number of days. */
  week: number;
  days: number;
  women: number;
  men: number;
  expectedResults: string;
}

interface DemoApplication {
  round: RoundKey;
  /** The CBO's index in DEMO_CBOS. */
  cbo: number;
  /** Its member who applies (an email name of DEMO_MEMBERS). */
  member: string;
  aim: Aim;
  plan: Plan;
  budget: Line[];
  /** What each step of the chain approves, when less than requested (cents, by step). */
  approve?: Partial<Record<number, number>>;
  reason?: string;
  /** A quote attached (PDF, by resumable upload) before submitting. */
  quote?: string;
}

const usd = (dollars: number) => Math.round(dollars * 100);

/** The demo's applications: in round 1 two finished ones, in round 2 one in each stage. */
const APPLICATIONS: readonly DemoApplication[] = [
  {
    round: 'round-1',
    cbo: 6,
    member: 'member-5',
    aim: 'agreement',
    plan: {
      title: 'Wage claim clinic for construction workers',
      objectives: 'Workers know how to claim unpaid wages and where to file a complaint',
      description:
        'Four Sunday clinics at the pagoda with a lawyer from the legal aid network: workers bring their pay slips, the group helps them write the complaint to the labour inspectorate.',
      place: 'Wat Ek Phnom hall',
      week: 2,
      days: 22,
      women: 35,
      men: 60,
      expectedResults: 'Forty complaints filed; the contractor meets the workers with the inspectorate',
    },
    budget: [
      { category: 'fees', description: 'Lawyer, four clinic days', unitCost: usd(250), quantity: 4 },
      {
        category: 'transport',
        description: 'Workers’ transport to the clinics',
        unitCost: usd(5),
        quantity: 120,
      },
      { category: 'materials', description: 'Complaint forms and copies', unitCost: usd(100), quantity: 1 },
      {
        category: 'venue',
        description: 'Pagoda hall (offered by the pagoda)',
        unitCost: usd(50),
        quantity: 4,
        contribution: usd(200),
      },
    ],
    // The committee approves less than asked: $1,500.
    approve: { 1: usd(1_500) },
  },
  {
    round: 'round-1',
    cbo: 34,
    member: 'member-6',
    aim: 'declined',
    plan: {
      title: 'Boat patrols against illegal fishing gear',
      objectives: 'Remove illegal nets from the community fishery during the spawning season',
      description:
        'Night patrols twice a week with the Fisheries Administration, fuel and a second boat engine.',
      place: 'Community fishery, Prek Toal',
      week: 3,
      days: 60,
      women: 12,
      men: 30,
      expectedResults: 'Fewer illegal nets; a log of the patrols shared with the cantonment',
    },
    budget: [
      { category: 'equipment', description: 'Second-hand boat engine', unitCost: usd(600), quantity: 1 },
      { category: 'transport', description: 'Fuel for 16 patrols', unitCost: usd(22), quantity: 16 },
    ],
    reason:
      'Patrols are the Fisheries Administration’s duty and another donor already pays their fuel; we encourage the group to apply for its documentation and reporting work in the next round.',
  },
  {
    round: 'round-2',
    cbo: 5,
    member: 'member-3',
    aim: 'draft',
    plan: {
      title: 'វេទិកាសហគមន៍ស្តីពីសិទ្ធិនេសាទ',
      objectives: 'សមាជិកសហគមន៍យល់ដឹងអំពីច្បាប់ជលផល និងព្រំប្រទល់សហគមន៍នេសាទ',
      description: '',
      place: '',
      week: 6,
      days: 1,
      women: 0,
      men: 0,
      expectedResults: '',
    },
    budget: [{ category: 'food', description: 'អាហារថ្ងៃត្រង់ សម្រាប់អ្នកចូលរួម', unitCost: usd(3), quantity: 80 }],
  },
  {
    round: 'round-2',
    cbo: 6,
    member: 'member-5',
    aim: 'eligibility',
    plan: {
      title: 'Safety training for women garment and construction workers',
      objectives: 'Women workers know their rights on safety and maternity at work',
      description:
        'Two evening trainings with the Workers Rights Centre, and a leaflet in Khmer to take home.',
      place: 'Sangke commune hall',
      week: 5,
      days: 2,
      women: 50,
      men: 10,
      expectedResults: 'Sixty workers trained; ten safety complaints documented',
    },
    budget: [
      { category: 'fees', description: 'Trainer, two evenings', unitCost: usd(120), quantity: 2 },
      { category: 'materials', description: 'Leaflets in Khmer', unitCost: usd(0.5), quantity: 600 },
      { category: 'food', description: 'Snacks and water', unitCost: usd(1.5), quantity: 120 },
    ],
  },
  {
    round: 'round-2',
    cbo: 14,
    member: 'member-8',
    aim: 'review',
    plan: {
      title: 'ការចងក្រងឯកសារអំពីការកាប់ឈើខុសច្បាប់',
      objectives: 'យុវជនចេះថតរូប និងកត់ត្រាភស្តុតាងដោយសុវត្ថិភាព',
      description: 'វគ្គបណ្តុះបណ្តាលបីថ្ងៃ ការល្បាតព្រៃសហគមន៍ និងរបាយការណ៍ជូនមន្ទីរបរិស្ថាន។',
      place: 'ព្រៃសហគមន៍ ថ្មគោល',
      week: 4,
      days: 30,
      women: 18,
      men: 22,
      expectedResults: 'របាយការណ៍ចំនួនបួន ដែលមានរូបថត និងទីតាំង',
    },
    budget: [
      { category: 'equipment', description: 'ទូរស័ព្ទ GPS ពីរគ្រឿង', unitCost: usd(180), quantity: 2 },
      { category: 'fees', description: 'គ្រូបង្គោល បីថ្ងៃ', unitCost: usd(100), quantity: 3 },
      { category: 'transport', description: 'ការធ្វើដំណើរល្បាត', unitCost: usd(15), quantity: 30 },
      { category: 'food', description: 'អាហារ', unitCost: usd(2.5), quantity: 120, contribution: usd(50) },
    ],
  },
  {
    round: 'round-2',
    cbo: 15,
    member: 'member-9',
    aim: 'approval',
    plan: {
      title: 'Public forum with the commune council on the land dispute',
      objectives: 'The families and the council agree on the next steps for the disputed land',
      description:
        'A forum at the commune hall with the council, the district and a lawyer; the group prepares a map of the plots and the families’ documents beforehand.',
      place: 'Moung Ruessei commune hall',
      week: 5,
      days: 1,
      women: 90,
      men: 70,
      expectedResults: 'A written agreement on a joint survey of the plots within three months',
    },
    budget: [
      {
        category: 'equipment',
        description: 'Sound system and chairs (quote attached)',
        unitCost: usd(350),
        quantity: 1,
      },
      {
        category: 'transport',
        description: 'Families’ transport from the villages',
        unitCost: usd(4),
        quantity: 160,
      },
      { category: 'food', description: 'Lunch', unitCost: usd(3), quantity: 170 },
      {
        category: 'materials',
        description: 'Maps and copies of the documents',
        unitCost: usd(150),
        quantity: 1,
      },
      { category: 'fees', description: 'Lawyer', unitCost: usd(200), quantity: 1 },
    ],
    quote: 'quote-sound-system.pdf',
  },
  {
    round: 'round-2',
    cbo: 16,
    member: 'member-10',
    aim: 'agreement',
    plan: {
      title: 'ការប្រជុំប្រចាំខែ និងការចុះឈ្មោះសហគមន៍',
      objectives: 'សហគមន៍បានចុះឈ្មោះជាផ្លូវការ ហើយប្រជុំជាប្រចាំ',
      description: 'ប្រជុំប្រចាំខែ ចំនួនប្រាំមួយដង និងការរៀបចំឯកសារចុះឈ្មោះនៅសាលាស្រុក។',
      place: 'មណ្ឌលសហគមន៍ កំរៀង',
      week: 4,
      days: 150,
      women: 25,
      men: 20,
      expectedResults: 'លិខិតទទួលស្គាល់ពីស្រុក និងកំណត់ហេតុប្រជុំប្រាំមួយ',
    },
    budget: [
      { category: 'fees', description: 'ថ្លៃចុះឈ្មោះ និងឯកសារ', unitCost: usd(180), quantity: 1 },
      { category: 'food', description: 'ទឹក និងនំ ប្រជុំប្រាំមួយដង', unitCost: usd(40), quantity: 6 },
      { category: 'communication', description: 'កាតទូរស័ព្ទ សម្រាប់គណៈកម្មការ', unitCost: usd(10), quantity: 30 },
      { category: 'materials', description: 'សៀវភៅកំណត់ហេតុ និងឯកសារ', unitCost: usd(160), quantity: 1 },
    ],
    // The programme manager approves a little less: $800.
    approve: { 0: usd(800) },
  },
  {
    round: 'round-2',
    cbo: 34,
    member: 'member-6',
    aim: 'ineligible',
    plan: {
      title: 'Study visit to a fishery in Kampong Chhnang',
      objectives: 'Learn how another community fishery keeps its boundaries',
      description: 'Ten members visit a registered community fishery for two days.',
      place: 'Kampong Chhnang',
      week: 6,
      days: 2,
      women: 4,
      men: 6,
      expectedResults: 'A report to the members on what the group can do the same way',
    },
    budget: [
      { category: 'transport', description: 'Minibus, two days', unitCost: usd(150), quantity: 2 },
      { category: 'food', description: 'Food and guest house', unitCost: usd(15), quantity: 20 },
    ],
    reason:
      'The committee’s letter of support is missing, and a study visit is outside what this round funds (activities in the group’s own commune); please apply with an activity at home.',
  },
  {
    round: 'round-2',
    cbo: 35,
    member: 'member-7',
    aim: 'returned',
    plan: {
      title: 'Radio programme on land and fishing rights',
      objectives: 'Families along the lake hear how to defend their land and fishing rights',
      description: 'Six call-in programmes on the provincial radio with the group’s leaders and a lawyer.',
      place: 'Siem Reap provincial radio',
      week: 5,
      days: 42,
      women: 400,
      men: 400,
      expectedResults: 'Six programmes broadcast; questions from listeners answered on air',
    },
    budget: [
      { category: 'communication', description: 'Air time, six hours', unitCost: usd(250), quantity: 6 },
      { category: 'transport', description: 'Transport to the studio', unitCost: usd(30), quantity: 6 },
      { category: 'fees', description: 'Lawyer on air', unitCost: usd(100), quantity: 6 },
      { category: 'food', description: 'Food for the guests', unitCost: usd(10), quantity: 12 },
    ],
    reason:
      'Please add the radio station’s quote for the air time and say how listeners will reach the group after each programme; then submit it again.',
  },
];

/** A UUID that is the same for every seed of one database (derived from a CBO's id there). */
function stableUuid(...parts: string[]): string {
  const hex = createHash('sha256')
    .update(`bandanh-demo-grant:${parts.join(':')}`)
    .digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A one-page PDF quotation, small and well formed. */
function quotePdf(cboName: string): Buffer {
  const ascii = (text: string) => text.replace(/[^\x20-\x7e]/g, ' ').replace(/[()\\]/g, ' ');
  const lines = [
    'QUOTATION No. 2026-114',
    'Sokha Sound & Events, Battambang',
    `For: ${ascii(cboName)}`,
    'Sound system, 2 microphones, 150 plastic chairs, 1 day: USD 350.00',
    'Delivery and set-up included. Valid 30 days.',
  ];
  const text = lines.map((line, i) => `BT /F1 12 Tf 72 ${720 - i * 20} Td (${line}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

interface Run {
  stage: string;
  eligibility: { taskId: string | null };
  reviewersNeeded: number;
  reviews: Array<{ reviewerId: string; status: string }>;
  steps: Array<{ role: string; outcome: string | null }>;
  currentStep: number | null;
  approvalTaskId: string | null;
}

export async function seedGrants(
  tools: SeedTools,
  context: { identity: IdentityConfig; coordinator: string; cboIds: readonly string[]; gatewayUrl: string },
): Promise<void> {
  const { api } = tools;
  const { coordinator, cboIds } = context;
  const calendar = new DemoCalendar(new Date());

  // The accounts exist (seed.ts and demo-training.ts made them): their ids, and tokens when needed.
  const members = new Map(
    DEMO_MEMBERS.map(({ account, cbo }) => [account.email.split('@')[0]!, { account, cbo }]),
  );
  const ids = await ensureAccounts(context.identity, [
    REVIEWER,
    REVIEWER_2,
    ...DEMO_MEMBERS.map(({ account, cbo }) => ({ ...account, cboId: cboIds[cbo] })),
  ]);
  const tokens = new Map<string, Promise<string>>();
  const tokenOf = (account: AccountSeed) => {
    if (!tokens.has(account.email)) tokens.set(account.email, tools.signIn(account));
    return tokens.get(account.email)!;
  };
  const reviewerById = new Map([
    [ids[REVIEWER.email.toLowerCase()]!, REVIEWER],
    [ids[REVIEWER_2.email.toLowerCase()]!, REVIEWER_2],
  ]);

  // The rounds: found by their English name, else opened by the admin.
  const drafts = roundDrafts(calendar);
  const { body: listed } = await api(coordinator, 'GET', '/api/grants/rounds');
  const rounds = {} as Record<RoundKey, { id: string; state: string }>;
  let roundsOpened = 0;
  for (const key of Object.keys(drafts) as RoundKey[]) {
    const found = (listed.items as Array<{ id: string; nameEn: string; state: string }>).find(
      (round) => round.nameEn === drafts[key].nameEn,
    );
    if (found) {
      rounds[key] = found;
      continue;
    }
    const { status, body } = await api(await tokenOf(ADMIN), 'POST', '/api/grants/rounds', {
      json: drafts[key],
      key: `demo-grant-${key}-${calendar.date(0, 1)}`,
    });
    rounds[key] = body.round;
    if (status === 201) roundsOpened += 1;
  }

  /** The applications of a round as the coordinator lists them, by CBO. */
  const applicationsOf = async (key: RoundKey) => {
    const { body } = await api(
      coordinator,
      'GET',
      `/api/grants/rounds/${rounds[key].id}/applications?limit=1000`,
    );
    return new Map(
      (body.items as Array<{ id: string; cboId: string; stage: string }>).map((item) => [item.cboId, item]),
    );
  };

  let added = 0;

  /** The member's application to the round, started, filled in and submitted (unless a draft is its aim). */
  const prepare = async (demo: DemoApplication): Promise<string | null> => {
    const cboId = cboIds[demo.cbo]!;
    const existing = (await applicationsOf(demo.round)).get(cboId);
    if (existing && existing.stage !== 'draft') return existing.id;
    if (!existing && rounds[demo.round].state !== 'open') {
      console.log(
        `demo grants: ${DEMO_CBOS[demo.cbo]!.draft.name} has no application to the closed ${demo.round}`,
      );
      return null;
    }
    if (!existing) {
      // Only grant-eligible groups apply (a database an older demo seeded lacks some of them).
      const { body: pipeline } = await api(coordinator, 'GET', `/api/cbos/${cboId}/pipeline`);
      if (pipeline.stage !== 'grant_eligible') {
        console.log(
          `demo grants: ${DEMO_CBOS[demo.cbo]!.draft.name} is not grant-eligible (${pipeline.stage}), so it does not apply to ${demo.round}`,
        );
        return null;
      }
    }
    const member = members.get(demo.member)!;
    const token = await tokenOf(member.account);
    const { status, body: started } = await api(
      token,
      'POST',
      `/api/grants/rounds/${rounds[demo.round].id}/applications`,
    );
    if (status === 201) added += 1;
    let application = started.application;
    // A draft someone has already written in is theirs: the seed fills in only an empty one.
    if (application.plan.title === '') {
      const { plan } = demo;
      const line = (entry: Line, index: number) => ({
        id: stableUuid(application.id, String(index)),
        category: entry.category,
        description: entry.description,
        unitCost: entry.unitCost,
        quantity: entry.quantity,
        contribution: entry.contribution ?? 0,
      });
      const { body: saved } = await api(token, 'PUT', `/api/grants/applications/${application.id}`, {
        json: {
          baseVersion: application.version,
          draft: {
            plan: {
              title: plan.title,
              objectives: plan.objectives,
              description: plan.description,
              provinceCode: DEMO_CBOS[demo.cbo]!.draft.provinceCode,
              place: plan.place,
              startsOn: calendar.date(plan.week, 1),
              endsOn: demo.aim === 'draft' ? null : calendar.date(plan.week, plan.days),
              beneficiariesWomen: plan.women || null,
              beneficiariesMen: plan.men || null,
              expectedResults: plan.expectedResults,
            },
            budget: demo.budget.map(line),
          },
        },
      });
      application = saved.application;
    }
    if (
      demo.quote &&
      !application.attachments.some((file: { fileName: string }) => file.fileName === demo.quote)
    ) {
      application = await attach(
        token,
        application.id,
        demo.quote,
        quotePdf(DEMO_CBOS[demo.cbo]!.draft.name),
      );
    }
    if (demo.aim === 'draft') return null;
    await api(token, 'POST', `/api/grants/applications/${application.id}/submit`, {
      json: { baseVersion: application.version },
      key: `demo-grant-submit-${demo.round}-${application.id}`,
    });
    return application.id as string;
  };

  /** Attaches `file` by resumable upload (tus), the whole file in the creating request. */
  const attach = async (token: string, applicationId: string, fileName: string, file: Buffer) => {
    const metadata = Object.entries({
      applicationId,
      kind: 'quote',
      filename: fileName,
      filetype: 'application/pdf',
    })
      .map(([key, value]) => `${key} ${Buffer.from(value, 'utf8').toString('base64')}`)
      .join(',');
    const response = await fetch(`${context.gatewayUrl}/api/uploads`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'tus-resumable': '1.0.0',
        'upload-length': String(file.length),
        'upload-metadata': metadata,
        'content-type': 'application/offset+octet-stream',
      },
      body: file,
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    if (response.status !== 201 && response.status !== 200) {
      throw tools.fail(`POST /api/uploads (${fileName}) answered ${response.status}: ${text.slice(0, 300)}`);
    }
    const { body } = await api(token, 'GET', `/api/grants/applications/${applicationId}`);
    return body.application;
  };

  /**
   * Takes the application's next step (as whoever takes it) until its workflow is where the
   * demo leaves it; steps already taken are not taken again. A step refused because the
   * workflow is busy or moving on is tried again once the run has moved.
   */
  const advance = async (demo: DemoApplication, applicationId: string) => {
    const until = Date.now() + WAIT_MS;
    let last = 'not started';
    let refused = '';
    const step = async (account: AccountSeed, path: string, json: unknown) => {
      const { status, body } = await api(
        await tokenOf(account),
        'POST',
        `/api/grants/applications/${applicationId}/${path}`,
        {
          json,
          ok: [200, 409],
        },
      );
      refused = status === 409 ? `; ${path} refused: ${body?.message} (${body?.details?.reason})` : '';
    };
    for (;;) {
      if (Date.now() > until) {
        throw tools.fail(
          `The demo application ${applicationId} (${DEMO_CBOS[demo.cbo]!.draft.name}, ${demo.round}) did not reach ${demo.aim}: ${last}${refused} (waited ${WAIT_MS / 1000} s)`,
        );
      }
      const { status, body } = await api(
        coordinator,
        'GET',
        `/api/grants/applications/${applicationId}/run`,
        {
          ok: [200, 404, 503],
        },
      );
      if (status !== 200) {
        last = `its run answers ${status}`;
        await pause();
        continue;
      }
      const run = body as Run;
      last = `its run is at ${run.stage} (reviews ${JSON.stringify(run.reviews)} of ${run.reviewersNeeded}, step ${run.currentStep})`;
      if (await next(demo, run, step)) return;
      await pause();
    }
  };

  /** Does the next step for `run`; true when the run is where the demo leaves it. */
  const next = async (
    demo: DemoApplication,
    run: Run,
    step: (account: AccountSeed, path: string, json: unknown) => Promise<void>,
  ): Promise<boolean> => {
    switch (run.stage) {
      case 'eligibility': {
        if (!run.eligibility.taskId) return false;
        if (demo.aim === 'eligibility') return true;
        const coordinatorAccount = STAFF('coordinator')[0]!;
        await step(
          coordinatorAccount,
          'eligibility',
          demo.aim === 'ineligible'
            ? { outcome: 'ineligible', reason: demo.reason }
            : {
                outcome: 'eligible',
                reason: 'The group is grant-eligible and the activity is in its commune',
              },
        );
        return false;
      }
      case 'review': {
        const open = run.reviews.filter((review) => review.status !== 'conflict');
        if (open.length < run.reviewersNeeded) return false;
        const first = open.find((review) => reviewerById.get(review.reviewerId) === REVIEWER);
        if (demo.aim === 'review' && first?.status === 'scored') return true;
        // Reviewers are assigned by load among every active reviewer: the demo's take its steps
        // only if they are the ones assigned (as in npm start, where they are the only reviewers).
        const others = open.filter((review) => !reviewerById.has(review.reviewerId));
        if (demo.aim === 'review' ? !first : others.length > 0) {
          throw tools.fail(
            `The demo application ${DEMO_CBOS[demo.cbo]!.draft.name} (${demo.round}) was given to reviewers who are not the demo's (${others.map((review) => review.reviewerId).join(', ')}): the demo needs ${REVIEWER.email} and ${REVIEWER_2.email} to be the only active reviewers`,
          );
        }
        for (const review of open) {
          const reviewer = reviewerById.get(review.reviewerId);
          if (!reviewer || (demo.aim === 'review' && reviewer !== REVIEWER)) continue;
          if (review.status === 'assigned') {
            await step(reviewer, 'declaration', { conflict: false, note: '' });
          } else if (review.status === 'cleared') {
            await step(reviewer, 'review', scoresOf(demo, reviewer === REVIEWER ? 0 : 1));
          }
        }
        return false;
      }
      case 'approval': {
        if (run.currentStep === null || !run.approvalTaskId) return false;
        if (demo.aim === 'approval' && run.currentStep >= 1) return true;
        const role = run.steps[run.currentStep]!.role as ChainRole;
        const approver = APPROVERS[role];
        if (!approver) throw tools.fail(`The demo has no approver for the role ${role}`);
        if (demo.aim === 'declined' || demo.aim === 'returned') {
          await step(approver, 'decision', {
            outcome: demo.aim === 'declined' ? 'decline' : 'return',
            reason: demo.reason,
          });
        } else {
          const amount = demo.approve?.[run.currentStep];
          await step(approver, 'decision', {
            outcome: 'approve',
            ...(amount ? { amount } : {}),
            reason: 'A clear plan the members support, at a fair cost',
          });
        }
        return false;
      }
      case 'agreement':
        return demo.aim === 'agreement' || stray(demo, run);
      case 'declined':
        return demo.aim === 'declined' || demo.aim === 'ineligible' || stray(demo, run);
      case 'returned':
        return demo.aim === 'returned' || stray(demo, run);
      default:
        // submitted: the workflow has not begun yet.
        return false;
    }
  };

  /** A run that ended elsewhere than the demo meant: said, and left as it is. */
  const stray = (demo: DemoApplication, run: Run) => {
    console.log(
      `demo grants: the ${demo.round} application of ${DEMO_CBOS[demo.cbo]!.draft.name} is ${run.stage}, not ${demo.aim}`,
    );
    return true;
  };

  // Round 1 takes its applications while it is open, then the admin closes it.
  const round1 = APPLICATIONS.filter((demo) => demo.round === 'round-1');
  const round2 = APPLICATIONS.filter((demo) => demo.round === 'round-2');
  const prepared = new Map<DemoApplication, string | null>();
  await Promise.all(round1.map(async (demo) => prepared.set(demo, await prepare(demo))));
  let closesBy: number | null = null;
  if (rounds['round-1'].state === 'open') {
    const { body } = await api(coordinator, 'GET', `/api/grants/rounds/${rounds['round-1'].id}`);
    const {
      id: _id,
      state: _state,
      committed: _committed,
      remaining: _remaining,
      createdBy: _createdBy,
      createdAt: _createdAt,
      updatedAt: _updatedAt,
      ...draft
    } = body.round;
    // Closed a moment ago: after every application it took, which were all submitted while it was open.
    const { status, body: closed } = await api(
      await tokenOf(ADMIN),
      'PUT',
      `/api/grants/rounds/${rounds['round-1'].id}`,
      { json: { ...draft, closesAt: new Date().toISOString() }, ok: [200, 409] },
    );
    if (status === 200) {
      rounds['round-1'] = closed.round;
    } else {
      closesBy = Date.parse(draft.closesAt);
      console.log(
        `demo grants: closing round 1 was refused (${closed?.message}); it closes by its date, ${draft.closesAt}`,
      );
    }
  }
  await Promise.all(round2.map(async (demo) => prepared.set(demo, await prepare(demo))));

  // Each application's workflow, to where the demo leaves it.
  await Promise.all(
    APPLICATIONS.map(async (demo) => {
      const id = prepared.get(demo);
      if (id) await advance(demo, id);
    }),
  );

  // The round closes by its date when the update was refused: the demo promises it closed.
  if (closesBy !== null) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, closesBy! - Date.now() + 1_000)));
  }

  const counts = [
    ...(await applicationsOf('round-1')).values(),
    ...(await applicationsOf('round-2')).values(),
  ];
  const stages = Object.entries(
    counts.reduce<Record<string, number>>(
      (all, { stage }) => ({ ...all, [stage]: (all[stage] ?? 0) + 1 }),
      {},
    ),
  )
    .map(([stage, count]) => `${count} ${stage}`)
    .join(', ');
  console.log(
    `demo grants: ${roundsOpened} rounds opened, ${2 - roundsOpened} already there; ${added} applications added, ${counts.length - added} already there (${stages})`,
  );
}

/** A reviewer's scores: the first reviewer a little kinder than the second. */
function scoresOf(demo: DemoApplication, reviewer: 0 | 1) {
  const keys =
    demo.round === 'round-1'
      ? ['relevance', 'feasibility', 'value']
      : ['relevance', 'feasibility', 'participation', 'value'];
  return {
    scores: keys.map((key, index) => ({
      key,
      score: 5 - ((demo.cbo + index + reviewer) % 3),
      comment: index === 0 ? 'The activity answers what the members raised in the assessment' : '',
    })),
    comment:
      reviewer === 0
        ? 'A realistic plan; the budget matches local prices.'
        : 'Good idea; the group should say how it will report back to its members.',
  };
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 500));
