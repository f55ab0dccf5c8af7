import { z } from 'zod';
import { withLatinDigits } from '../constants/digits';
import { defineContract } from '../contract';
import { ProvinceCode } from './provinces';
import { PipelineStage } from '../orchestrator/pipeline';
import {
  CBO_PURPOSES,
  DISCOVERY_CHANNELS,
  DUPLICATE_DECISIONS,
  FOCUS_ISSUES,
  PROGRAMME_TIME_ZONE,
  UNOPENED_PROVINCE_POLICIES,
  dateInCambodia,
  todayInCambodia,
} from '../constants/cbo';

export {
  CBO_PURPOSES,
  DISCOVERY_CHANNELS,
  DUPLICATE_DECISIONS,
  FOCUS_ISSUES,
  PROGRAMME_TIME_ZONE,
  UNOPENED_PROVINCE_POLICIES,
  dateInCambodia,
  todayInCambodia,
};
export const FocusIssue = z.enum(FOCUS_ISSUES, { error: 'Choose land, labour, fisheries or other' });
export type FocusIssue = z.infer<typeof FocusIssue>;

export const DiscoveryChannel = z.enum(DISCOVERY_CHANNELS, { error: 'Choose how the CBO was found' });
export type DiscoveryChannel = z.infer<typeof DiscoveryChannel>;

/** What the group mainly does; during the pilot, development groups are not admitted. */
export const CboPurpose = z.enum(CBO_PURPOSES, { error: 'Choose the main purpose' });
export type CboPurpose = z.infer<typeof CboPurpose>;

export const IdempotencyKey = z
  .string()
  .trim()
  .min(8, 'Idempotency key must be at least 8 characters')
  .max(128, 'Idempotency key must be at most 128 characters')
  .regex(/^[A-Za-z0-9._:-]+$/, 'Idempotency key may use letters, digits and . _ : - only');

/** A calendar date, YYYY-MM-DD. */
export const IsoDate = z.iso.date({ error: 'Enter a date as YYYY-MM-DD' });

/** The issue code of a date that records the past but lies after today (in Cambodia). */
export const IN_FUTURE = 'in_future';

/** A calendar date that records the past: not after today in Cambodia (Asia/Phnom_Penh). */
export const PastIsoDate = (label: string) =>
  IsoDate.refine((value) => value <= todayInCambodia(), {
    message: `${label} cannot be after today`,
    params: { reason: IN_FUTURE },
  });

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/;

const text = (label: string, max: number) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`);
/** Optional free text: blank means absent. */
const optionalText = (label: string, max: number) =>
  text(label, max)
    .optional()
    .transform((value) => (value ? value : undefined));

export const CboContact = z.object({
  name: text('Contact name', 120).min(1, 'Give the contact’s name'),
  /** Khmer digits are read as Latin ones (and kept so, to be found and compared). */
  phone: z.preprocess(
    withLatinDigits,
    z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{6,20}$/, 'Enter a phone number of 6 to 20 digits')
      .optional()
      .or(z.literal('').transform(() => undefined)),
  ),
  role: optionalText('Contact role', 80),
});
export type CboContact = z.infer<typeof CboContact>;

/** Where a group is: the province, then district, commune and village as people say them. */
export const CboLocation = z.object({
  provinceCode: ProvinceCode,
  district: optionalText('District', 120),
  commune: optionalText('Commune', 120),
  village: optionalText('Village', 120),
});

/** What a coordinator (or the group itself) enters to record a candidate CBO. */
export const CboDraft = CboLocation.extend({
  name: text('Name', 200).min(1, 'Name is required'),
  nameKm: optionalText('Khmer name', 200).refine((value) => value === undefined || KHMER.test(value), {
    message: 'Write the Khmer name in Khmer script',
  }),
  focusIssues: z
    .array(FocusIssue)
    .min(1, 'Choose at least one focus issue')
    .transform((issues) => [...new Set(issues)]),
  purpose: CboPurpose.default('human_rights'),
  membersCount: z.preprocess(
    withLatinDigits,
    z.coerce
      .number({ error: 'Members must be a number' })
      .int('Members must be a whole number')
      .min(1, 'Members must be at least 1')
      .max(100_000, 'Members must be at most 100000')
      .optional(),
  ),
  contacts: z.array(CboContact).max(10, 'At most 10 contact people').default([]),
  /** Whether the group agreed to publish its contacts in the Network Directory. */
  publishContacts: z.boolean().default(false),
  about: optionalText('About the group', 2000),
  foundVia: DiscoveryChannel,
  /** When it was found (not after today); today when absent. */
  foundOn: PastIsoDate('Found on').optional(),
  /** The field visit on which it was met, if any. */
  fieldVisitId: z.uuid({ error: 'Field visit id must be a UUID' }).optional(),
  /** Saves although a similar CBO exists in the same commune. */
  acknowledgeDuplicates: z.boolean().default(false),
});
export type CboDraft = z.output<typeof CboDraft>;
export type CboDraftInput = z.input<typeof CboDraft>;

export const SELECTION_OUTCOMES = ['selected', 'declined'] as const;

/** The last selection decision, which the CBO itself may read. */
export const CboDecision = z.object({
  outcome: z.enum(SELECTION_OUTCOMES),
  reason: z.string().nullable(),
  decidedAt: z.iso.datetime(),
});
export type CboDecision = z.infer<typeof CboDecision>;

export const Cbo = z.object({
  id: z.uuid(),
  name: z.string(),
  nameKm: z.string().nullable(),
  provinceCode: z.string(),
  district: z.string().nullable(),
  commune: z.string().nullable(),
  village: z.string().nullable(),
  focusIssues: z.array(FocusIssue),
  purpose: CboPurpose,
  membersCount: z.number().int().nullable(),
  contacts: z.array(CboContact),
  publishContacts: z.boolean(),
  about: z.string().nullable(),
  foundVia: DiscoveryChannel,
  foundOn: z.string(),
  /** The staff member who recorded it; null for a self-application. */
  foundBy: z.uuid().nullable(),
  fieldVisitId: z.uuid().nullable(),
  /** For a group's own application: CBOs already recorded that look like it (same commune, similar name). */
  likelyDuplicateOf: z.array(z.uuid()),
  /** The first of them while no coordinator has decided: the flag the task and the list show. */
  possibleDuplicateOf: z.uuid().nullable(),
  /** What a coordinator decided about them: a different group, or merged into `duplicateOf`. */
  duplicateDecision: z.enum(DUPLICATE_DECISIONS).nullable(),
  duplicateOf: z.uuid().nullable(),
  /** The stage the CBO's pipeline workflow last reported; null until it has started. */
  stage: PipelineStage.nullable(),
  decision: CboDecision.nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Cbo = z.infer<typeof Cbo>;

/** A CBO that looks like the one being recorded (same or similar name in the same commune). */
export const DuplicateCandidate = z.object({
  id: z.uuid(),
  name: z.string(),
  nameKm: z.string().nullable(),
  provinceCode: z.string(),
  commune: z.string().nullable(),
  stage: PipelineStage.nullable(),
  similarity: z.number(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

/** What the recording of a CBO allowed but wants seen: a province whose phase has not opened. */
export const CboWarning = z.object({
  code: z.literal('province_not_open'),
  provinceCode: z.string(),
  /** When the province's expansion phase opens, if it is in the plan. */
  opensOn: z.string().nullable(),
  message: z.string(),
});
export type CboWarning = z.infer<typeof CboWarning>;

/**
 * Records a candidate CBO once per key. A likely duplicate is refused with CONFLICT
 * (`details.reason = possible_duplicate`, `details.duplicates`) unless acknowledged.
 */
export const createCbo = defineContract({
  subject: 'network.cbo.create',
  request: z.object({ idempotencyKey: IdempotencyKey, draft: CboDraft }),
  response: z.object({
    cbo: Cbo,
    created: z.boolean(),
    /** What was allowed but wants seen (none: absent). */
    warnings: z.array(CboWarning).optional(),
  }),
});

/** A coordinator's word on a CBO flagged as a likely duplicate: a different group, or the same one. */
export const DuplicateDecisionDraft = z.discriminatedUnion(
  'decision',
  [
    z.object({ decision: z.literal('distinct') }),
    /** The flagged CBO is the existing one: it is withdrawn as its duplicate. */
    z.object({ decision: z.literal('merged'), into: z.uuid({ error: 'Choose the CBO it duplicates' }) }),
  ],
  { error: 'Choose distinct or merged' },
);
export type DuplicateDecisionDraft = z.infer<typeof DuplicateDecisionDraft>;

/**
 * Records the decision (once: the same decision again answers the CBO; another is refused with
 * `duplicate_decided`); merging into a CBO it was not flagged against is refused with `not_flagged`.
 */
export const decideCboDuplicate = defineContract({
  subject: 'network.cbo.decideDuplicate',
  request: z.object({ id: z.uuid(), decision: DuplicateDecisionDraft }),
  response: z.object({ cbo: Cbo }),
});

export const findDuplicateCbos = defineContract({
  subject: 'network.cbo.duplicates',
  request: z.object({
    name: z.string().trim().min(1, 'Name is required').max(200),
    nameKm: z.string().trim().max(200).optional(),
    provinceCode: ProvinceCode,
    commune: z.string().trim().max(120).optional(),
  }),
  response: z.object({ items: z.array(DuplicateCandidate) }),
});

/** The languages a public applicant may apply in: their decision is mailed in it. */
export const APPLICANT_LOCALES = ['km', 'en'] as const;

/** A public application's reference: `BDH-` and 8 characters of Crockford base32 (no I, L, O, U). */
export const APPLICATION_REFERENCE = /^BDH-[0-9A-HJKMNP-TV-Z]{8}$/;

/** A reference as typed (any case, spaces, dashes, O for 0, I or L for 1) as it is stored. */
export function normaliseReference(typed: string): string {
  const compact = typed
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
    .replace(/^BDH/, '');
  return `BDH-${compact.replace(/O/g, '0').replace(/[IL]/g, '1')}`;
}

/**
 * An application's stage in plain words: received (not yet looked at), being assessed, waiting
 * for the decision, selected (a Network Participant, in training or beyond), declined, withdrawn.
 */
export const APPLICATION_STATUSES = [
  'received',
  'being_assessed',
  'awaiting_decision',
  'selected',
  'declined',
  'withdrawn',
] as const;
export type ApplicationStatusCode = (typeof APPLICATION_STATUSES)[number];

/** A group applies from the public site; it enters the pipeline as a candidate. */
export const CboApplication = CboDraft.omit({
  foundVia: true,
  foundOn: true,
  fieldVisitId: true,
  acknowledgeDuplicates: true,
}).extend({
  contacts: z.array(CboContact).min(1, 'Give at least one contact person').max(10),
  /** Where the decision is mailed, if the applicant wants it (blank: none). */
  email: z
    .email({ error: 'Enter a valid email address, or leave it empty' })
    .max(254, 'The email address must be at most 254 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The language of the page the group applied on: its decision is written in it. */
  locale: z.enum(APPLICANT_LOCALES).default('km'),
});
export type CboApplication = z.output<typeof CboApplication>;

export const applyAsCbo = defineContract({
  subject: 'network.cbo.apply',
  request: z.object({ idempotencyKey: IdempotencyKey, application: CboApplication }),
  response: z.object({
    cbo: Cbo,
    created: z.boolean(),
    /** The application's reference, for its public status page (null for one made before references). */
    reference: z.string().nullable(),
  }),
});

/**
 * A public application's reference, as someone types it from paper or a phone: case, spaces and
 * dashes do not matter, and O, I and L are read as 0, 1 and 1 (Crockford base32). The answer is
 * the reference as it is stored: `BDH-` and 8 characters.
 */
export const ApplicationReference = z
  .string({ error: 'Enter the reference of the application' })
  .max(40, 'A reference is BDH- and 8 letters or digits')
  .transform((value) => normaliseReference(value))
  .refine((value) => APPLICATION_REFERENCE.test(value), {
    message: 'A reference is BDH- and 8 letters or digits',
    params: { reason: 'reference_format' },
  });

/** What the public may know of an application: its stage in plain words, never a person. */
export const ApplicationStatus = z.object({
  reference: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  /** Why it was declined: a programme rule's code (`rule:pilot_development`) or the decision's words. */
  reason: z.string().nullable(),
  /** The day it was received, and the day of its decision (Cambodia). */
  receivedOn: IsoDate,
  decidedOn: IsoDate.nullable(),
});
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** Anyone who holds a reference reads its status; an unknown one is NOT_FOUND. */
export const getApplicationStatus = defineContract({
  subject: 'network.cbo.status',
  request: z.object({ reference: ApplicationReference }),
  response: z.object({ application: ApplicationStatus }),
});

/** Whom a CBO's decisions are mailed to besides its members: the public applicant who left an address. */
export const getCboApplicant = defineContract({
  subject: 'network.cbo.applicant',
  request: z.object({ cboId: z.uuid() }),
  response: z.object({
    reference: z.string().nullable(),
    email: z.string().nullable(),
    locale: z.enum(APPLICANT_LOCALES).nullable(),
  }),
});

/** The API's answer to recording a CBO: the CBO, its pipeline, and whether this call created it. */
export const CreatedCbo = z.object({
  cbo: Cbo,
  workflowId: z.string(),
  created: z.boolean(),
  warnings: z.array(CboWarning).default([]),
});
export type CreatedCbo = z.infer<typeof CreatedCbo>;

export const getCbo = defineContract({
  subject: 'network.cbo.get',
  request: z.object({ id: z.uuid() }),
  response: z.object({ cbo: Cbo }),
});

export const ListCbosQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
  stage: PipelineStage.optional(),
  provinceCode: ProvinceCode.optional(),
  q: z.string().trim().max(100).optional(),
});
export type ListCbosQuery = z.infer<typeof ListCbosQuery>;

export const CboPage = z.object({
  items: z.array(Cbo),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});
export type CboPage = z.infer<typeof CboPage>;

export const listCbos = defineContract({
  subject: 'network.cbo.list',
  request: ListCbosQuery,
  response: CboPage,
});

/** Which of these CBOs are flagged as likely duplicates, and of which CBO (for the task inbox). */
export const listDuplicateFlags = defineContract({
  subject: 'network.cbo.duplicateFlags',
  request: z.object({ ids: z.array(z.uuid()).max(500, 'At most 500 CBOs at once') }),
  response: z.object({ items: z.array(z.object({ id: z.uuid(), possibleDuplicateOf: z.uuid() })) }),
});

/** The pipeline workflow reports the stage it has reached; the network service keeps it. */
export const recordCboStage = defineContract({
  subject: 'network.cbo.recordStage',
  request: z.object({
    id: z.uuid(),
    stage: PipelineStage,
    /** With a selection decision: what was decided and why. */
    decision: z.object({ outcome: z.enum(SELECTION_OUTCOMES), reason: z.string().nullable() }).optional(),
  }),
  response: z.object({ cbo: Cbo }),
});
