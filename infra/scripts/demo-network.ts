// The demo network that `npm start` loads: about 60 CBOs across the two pilot provinces, in
// every stage, with assessments, partner NGOs, hotline calls, referrals and field visits.
import type { CboDraftInput, FocusIssue, HotlineCallDraft, PartnerDraft } from '../../libs/contracts/src';

type Place = readonly [latin: string, khmer: string];

const BATTAMBANG: readonly Place[] = [
  ['Ek Phnom', 'ឯកភ្នំ'],
  ['Sangke', 'សង្កែ'],
  ['Bavel', 'បវេល'],
  ['Samlout', 'សំឡូត'],
  ['Thma Koul', 'ថ្មគោល'],
  ['Moung Ruessei', 'មោងឫស្សី'],
  ['Kamrieng', 'កំរៀង'],
  ['Rotonak Mondol', 'រតនមណ្ឌល'],
  ['Banan', 'បាណន់'],
  ['Koas Krala', 'គាស់ក្រឡ'],
  ['Phnum Proek', 'ភ្នំព្រឹក'],
  ['Sampov Lun', 'សំពៅលូន'],
  ['Kamping Puoy', 'កំពីងពួយ'],
  ['Ta Kream', 'តាគ្រាម'],
  ['Prek Norin', 'ព្រែកនរិន្ទ'],
];

const SIEM_REAP: readonly Place[] = [
  ['Prek Toal', 'ព្រែកទាល់'],
  ['Kampong Phluk', 'កំពង់ភ្លុក'],
  ['Chong Kneas', 'ចុងឃ្នៀស'],
  ['Kampong Khleang', 'កំពង់ឃ្លាំង'],
  ['Puok', 'ពួក'],
  ['Banteay Srei', 'បន្ទាយស្រី'],
  ['Varin', 'វ៉ារិន'],
  ['Srei Snam', 'ស្រីស្នំ'],
  ['Svay Leu', 'ស្វាយលើ'],
  ['Chi Kraeng', 'ជីក្រែង'],
  ['Angkor Thom', 'អង្គរធំ'],
  ['Soutr Nikom', 'សូទ្រនិគម'],
  ['Prasat Bakong', 'ប្រាសាទបាគង'],
  ['Kralanh', 'ក្រឡាញ់'],
  ['Angkor Chum', 'អង្គរជុំ'],
];

const KINDS: ReadonlyArray<readonly [latin: string, khmer: string, issue: FocusIssue]> = [
  ['Fishing Community', 'សហគមន៍នេសាទ', 'fisheries'],
  ['Land Rights Committee', 'គណៈកម្មការសិទ្ធិដីធ្លី', 'land'],
  ['Workers Association', 'សមាគមកម្មករ', 'labour'],
  ['Community Forest Network', 'បណ្ដាញសហគមន៍ព្រៃឈើ', 'other'],
  ['Women Land Defenders', 'ក្រុមស្ត្រីការពារដីធ្លី', 'land'],
];

const CONTACTS = ['Sok Chea', 'Chan Sopheap', 'Keo Rattana', 'Heng Sreyneang', 'Ouk Sambath', 'Lim Vuthy'];

/** Where each demo CBO ends up: index modulo 10. */
export type DemoFate = 'assessment' | 'selection' | 'participant' | 'declined' | 'pilot_rule' | 'withdrawn';

export function fateOf(index: number): DemoFate {
  const slot = index % 10;
  if (slot <= 1) return 'assessment';
  if (slot <= 3) return 'selection';
  if (slot <= 6) return 'participant';
  if (slot === 7) return 'declined';
  if (slot === 8) return 'pilot_rule';
  return index < 30 ? 'withdrawn' : 'assessment';
}

export interface DemoCbo {
  key: string;
  fate: DemoFate;
  draft: CboDraftInput;
}

export const DEMO_CBOS: readonly DemoCbo[] = [
  ...BATTAMBANG.map((place) => ['KH-2', place] as const),
  ...SIEM_REAP.map((place) => ['KH-17', place] as const),
].flatMap(([provinceCode, [latin, khmer]], i) => {
  const [kind, kindKm, issue] = KINDS[i % KINDS.length];
  const second = KINDS[(i + 2) % KINDS.length][2];
  const contact = CONTACTS[i % CONTACTS.length];
  // Two groups per commune make 60: the second of another kind.
  const other = KINDS[(i + 1) % KINDS.length];
  const make = (index: number, k: string, km: string, main: FocusIssue): DemoCbo => ({
    key: `demo-network-${index + 1}`,
    fate: fateOf(index),
    draft: {
      name: `${latin} ${k}`,
      nameKm: `${km}${khmer}`,
      provinceCode,
      district: latin,
      commune: latin,
      village: `Phum ${(index % 7) + 1}`,
      focusIssues: main === second ? [main] : [main, second],
      purpose: fateOf(index) === 'pilot_rule' ? 'development' : 'human_rights',
      membersCount: 15 + ((index * 7) % 60),
      contacts: [
        {
          name: contact,
          phone: `012 ${String(300000 + index * 1013).slice(0, 3)} ${String(100 + index)}`,
          role: 'Leader',
        },
      ],
      publishContacts: index % 3 !== 0,
      about:
        main === 'fisheries'
          ? 'Patrols the flooded forest and reports illegal fishing gear to the Fisheries Administration.'
          : main === 'land'
            ? 'Documents land disputes with a concession company and supports families facing eviction.'
            : main === 'labour'
              ? 'Helps migrant and construction workers claim unpaid wages and safe conditions.'
              : 'Protects the community forest and trains young people to monitor it.',
      foundVia: (['field_visit', 'grassroots_contact', 'referral', 'self_application'] as const)[index % 4],
      acknowledgeDuplicates: true,
    },
  });
  return [make(i * 2, kind, kindKm, issue), make(i * 2 + 1, other[0], other[1], other[2])];
});

export const DEMO_PARTNERS: readonly PartnerDraft[] = [
  {
    name: 'Cambodian Legal Aid Network',
    expertise: ['land', 'labour'],
    description: 'Lawyers for land and labour cases in court and before the cadastral commission',
    contactName: 'Pich Sovann',
    phone: '023 210 000',
    email: 'intake@legal-aid.example.org',
    active: true,
  },
  {
    name: 'Tonle Sap Fisheries Alliance',
    expertise: ['fisheries'],
    description: 'Fisheries law and community fishery registration',
    contactName: 'Nov Chanthy',
    phone: '063 960 000',
    email: undefined,
    active: true,
  },
  {
    name: 'Workers Rights Centre',
    expertise: ['labour'],
    description: 'Wage claims, the Arbitration Council and migrant workers',
    contactName: 'Mao Kunthea',
    phone: '012 888 000',
    email: undefined,
    active: true,
  },
  {
    name: 'Forest Watch Cambodia',
    expertise: ['other', 'land'],
    description: 'Community forestry, mapping and evidence of illegal logging',
    contactName: 'Ros Pisey',
    phone: '097 500 000',
    email: undefined,
    active: true,
  },
];

/** Hotline calls: the CBO (by demo index), the call, and the partner referred to (by index), if any. */
export const DEMO_CALLS: ReadonlyArray<{
  cbo: number;
  call: Omit<HotlineCallDraft, 'referral'>;
  referTo?: { partner: number; reason: string; outcome?: 'resolved' | 'in_progress' };
}> = [
  {
    cbo: 4,
    call: {
      channel: 'call',
      callerName: 'Sok Chea',
      issue: 'land',
      summary: 'Soldiers told families to leave the disputed land within a week',
      guidance: 'Do not sign anything; photograph the notice; keep a diary of every visit',
    },
    referTo: { partner: 0, reason: 'Needs a lawyer to answer the eviction notice', outcome: 'resolved' },
  },
  {
    cbo: 5,
    call: {
      channel: 'message',
      callerName: 'Chan Sopheap',
      issue: 'fisheries',
      summary: 'Large nets set inside the community fishery at night',
      guidance: 'Note the places and times; report to the Fisheries Administration cantonment',
    },
    referTo: {
      partner: 1,
      reason: 'Registration of the community fishery boundaries',
      outcome: 'in_progress',
    },
  },
  {
    cbo: 6,
    call: {
      channel: 'call',
      callerName: 'Keo Rattana',
      issue: 'labour',
      summary: 'Thirty construction workers unpaid for two months',
      guidance: 'Collect the names, days worked and the contractor’s details',
    },
    referTo: { partner: 2, reason: 'Wage claim before the labour inspectorate' },
  },
  {
    cbo: 14,
    call: {
      channel: 'visit',
      callerName: 'Heng Sreyneang',
      issue: 'other',
      summary: 'Asked how to document logging trucks safely',
      guidance: 'Use the documentation checklist from the training; never confront the drivers',
    },
  },
  {
    cbo: 24,
    call: {
      channel: 'call',
      callerName: 'Ouk Sambath',
      issue: 'land',
      summary: 'The commune chief refuses to receive the community’s complaint',
      guidance: 'Send it by registered letter and keep the receipt; copy the district',
    },
  },
];
