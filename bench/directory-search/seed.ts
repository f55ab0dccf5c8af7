// The bench's data: a directory-sized network.cbos, made by one set-based INSERT … SELECT over
// generate_series, seeded so that every run makes the same rows.
import type { Database } from '../../libs/platform/src/db/database';

type Sql = Database['sql'];

/** Place words as they are written in Latin letters and in Khmer, index for index. */
const PLACE_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['Prek', 'ព្រែក'],
  ['Kampong', 'កំពង់'],
  ['Boeung', 'បឹង'],
  ['Koh', 'កោះ'],
  ['Srae', 'ស្រែ'],
  ['Tuol', 'ទួល'],
  ['Stung', 'ស្ទឹង'],
  ['Wat', 'វត្ត'],
  ['Chroy', 'ជ្រោយ'],
  ['Phnom', 'ភ្នំ'],
  ['Trapeang', 'ត្រពាំង'],
  ['Svay', 'ស្វាយ'],
  ['Anlong', 'អន្លង់'],
  ['Ou', 'អូរ'],
  ['Chong', 'ចុង'],
  ['Prey', 'ព្រៃ'],
];

const PLACE_SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['Thmei', 'ថ្មី'],
  ['Chas', 'ចាស់'],
  ['Kandal', 'កណ្ដាល'],
  ['Russey', 'ឫស្សី'],
  ['Prasat', 'ប្រាសាទ'],
  ['Chrey', 'ជ្រៃ'],
  ['Ampil', 'អំពិល'],
  ['Trach', 'ត្រាច'],
  ['Chek', 'ចេក'],
  ['Dong', 'ដូង'],
  ['Thnot', 'ត្នោត'],
  ['Krasang', 'ក្រសាំង'],
  ['Leu', 'លើ'],
  ['Kraom', 'ក្រោម'],
  ['Meas', 'មាស'],
  ['Prak', 'ប្រាក់'],
  ['Sala', 'សាលា'],
  ['Chamkar', 'ចំការ'],
  ['Veal', 'វាល'],
  ['Chhuk', 'ឈូក'],
  ['Thom', 'ធំ'],
  ['Touch', 'តូច'],
  ['Roka', 'រកា'],
  ['Kokir', 'គគីរ'],
  ['Trabek', 'ត្របែក'],
  ['Rumdoul', 'រំដួល'],
  ['Sangke', 'សង្កែ'],
  ['Snuol', 'ស្នួល'],
];

/** Real places, each given to about 0.1% of the groups: the "rare" searches hit these. */
const RARE_PLACES: ReadonlyArray<readonly [string, string]> = [
  ['Prek Toal', 'ព្រែកទាល់'],
  ['Kampong Phluk', 'កំពង់ភ្លុក'],
  ['Chong Khneas', 'ចុងឃ្នៀស'],
  ['Kampong Khleang', 'កំពង់ឃ្លាំង'],
  ['Kbal Chhay', 'ក្បាលឆាយ'],
];
const RARE_SHARE_EACH = 0.001;

/** Kinds of group: Latin name, Khmer name, and the focus issue the kind implies. */
const KINDS: ReadonlyArray<readonly [string, string, string]> = [
  ['Fishing Community', 'សហគមន៍នេសាទ', 'fisheries'],
  ['Community Fisheries', 'សហគមន៍នេសាទ', 'fisheries'],
  ['Fish Processing Group', 'ក្រុមកែច្នៃត្រី', 'fisheries'],
  ['Farmers Association', 'សមាគមកសិករ', 'land'],
  ['Agricultural Cooperative', 'សហករណ៍កសិកម្ម', 'land'],
  ['Land Rights Network', 'បណ្ដាញសិទ្ធិដីធ្លី', 'land'],
  ['Indigenous Community', 'សហគមន៍ជនជាតិដើមភាគតិច', 'land'],
  ['Community Forestry', 'សហគមន៍ព្រៃឈើ', 'other'],
  ['Workers Union', 'សហជីពកម្មករ', 'labour'],
  ['Garment Workers Group', 'ក្រុមកម្មករកាត់ដេរ', 'labour'],
  ['Informal Workers Association', 'សមាគមកម្មករក្រៅប្រព័ន្ធ', 'labour'],
  ["Women's Savings Group", 'ក្រុមសន្សំប្រាក់ស្ត្រី', 'other'],
  ['Youth Network', 'បណ្ដាញយុវជន', 'other'],
];

/** Relative number of groups per province (KH-1 … KH-25): more around the Tonle Sap and the capital. */
const PROVINCE_WEIGHTS: Readonly<Record<string, number>> = {
  'KH-1': 4,
  'KH-2': 7,
  'KH-3': 6,
  'KH-4': 4,
  'KH-5': 4,
  'KH-6': 5,
  'KH-7': 4,
  'KH-8': 6,
  'KH-9': 2,
  'KH-10': 3,
  'KH-11': 2,
  'KH-12': 6,
  'KH-13': 2,
  'KH-14': 5,
  'KH-15': 4,
  'KH-16': 2,
  'KH-17': 7,
  'KH-18': 2,
  'KH-19': 2,
  'KH-20': 3,
  'KH-21': 5,
  'KH-22': 2,
  'KH-23': 1,
  'KH-24': 1,
  'KH-25': 3,
};

const GIVEN_NAMES = [
  'Sok',
  'Chan',
  'Dara',
  'Sophea',
  'Vanna',
  'Srey Mom',
  'Bopha',
  'Rithy',
  'Kosal',
  'Chenda',
];
const FAMILY_NAMES = ['Chea', 'Keo', 'Lim', 'Sok', 'Meas', 'Heng', 'Prak', 'Ouk', 'Pich', 'Nget'];
const ROLES = ['Chair', 'Deputy chair', 'Secretary', 'Treasurer', 'Member'];
const CHANNELS = ['grassroots_contact', 'field_visit', 'referral', 'self_application'];

/** A constant array as SQL: the words are ours, not input, so quoting them is enough. */
function textArray(values: readonly string[]): string {
  return `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;
}

const provinceList = Object.entries(PROVINCE_WEIGHTS).flatMap(([code, weight]) =>
  Array.from({ length: weight }, () => code),
);

/** The INSERT … SELECT that makes `count` groups. */
export function seedStatement(count: number): string {
  const rare = RARE_PLACES.length * RARE_SHARE_EACH;
  return `
with w as (
  select
    ${textArray(PLACE_PREFIXES.map(([latin]) => latin))} as pre_lat,
    ${textArray(PLACE_PREFIXES.map(([, km]) => km))} as pre_km,
    ${textArray(PLACE_SUFFIXES.map(([latin]) => latin))} as suf_lat,
    ${textArray(PLACE_SUFFIXES.map(([, km]) => km))} as suf_km,
    ${textArray(RARE_PLACES.map(([latin]) => latin))} as rare_lat,
    ${textArray(RARE_PLACES.map(([, km]) => km))} as rare_km,
    ${textArray(KINDS.map(([latin]) => latin))} as kind_lat,
    ${textArray(KINDS.map(([, km]) => km))} as kind_km,
    ${textArray(KINDS.map(([, , issue]) => issue))} as kind_issue,
    ${textArray(provinceList)} as provinces,
    ${textArray(GIVEN_NAMES)} as given,
    ${textArray(FAMILY_NAMES)} as family,
    ${textArray(ROLES)} as roles,
    ${textArray(CHANNELS)} as channels
),
g as materialized (
  select i,
    random() as r_place, random() as r_pre, random() as r_suf, random() as r_kind, random() as r_prov,
    random() as r_stage, random() as r_km, random() as r_since, random() as r_found,
    random() as r_l, random() as r_b, random() as r_f, random() as r_o, random() as r_via,
    random() as r_members, random() as r_c1, random() as r_c2, random() as r_c3, random() as r_pub,
    random() as r_purpose, random() as r_d1, random() as r_d2, random() as r_village
  from generate_series(1, ${count}) as i
),
p as (
  select g.*, w.*,
    case when r_place < ${rare}
      then 1 + floor(r_place / ${RARE_SHARE_EACH})::int end as rare_i,
    1 + floor(r_pre * ${PLACE_PREFIXES.length})::int as pre_i,
    1 + floor(r_suf * ${PLACE_SUFFIXES.length})::int as suf_i,
    1 + floor(r_kind * ${KINDS.length})::int as kind_i,
    case
      when r_stage < 0.35 then 'participant'
      when r_stage < 0.50 then 'training'
      when r_stage < 0.60 then 'grant_eligible'
      when r_stage < 0.75 then 'identified'
      when r_stage < 0.83 then 'assessment'
      when r_stage < 0.88 then 'selection'
      when r_stage < 0.95 then 'declined'
      else 'withdrawn'
    end as stage_v
  from g cross join w
),
q as (
  select p.*,
    coalesce(rare_lat[rare_i], pre_lat[pre_i] || ' ' || suf_lat[suf_i]) as place_lat,
    coalesce(rare_km[rare_i], pre_km[pre_i] || suf_km[suf_i]) as place_km,
    kind_issue[kind_i] as issue_v,
    case
      when stage_v in ('participant', 'training', 'grant_eligible')
        or (stage_v = 'withdrawn' and r_since < 0.5)
      then now() - make_interval(days => (30 + floor(r_since * 1400))::int)
    end as since_v
  from p
)
insert into network.cbos (
  name, name_km, province_code, district, commune, village, focus_issues, purpose, members_count,
  contacts, publish_contacts, about, found_via, found_on, found_by, stage, decision_outcome,
  decided_at, participant_since, created_at, updated_at
)
select
  place_lat || ' ' || kind_lat[kind_i],
  case when r_km < 0.85 then kind_km[kind_i] || place_km end,
  provinces[1 + floor(r_prov * array_length(provinces, 1))::int],
  pre_lat[1 + floor(r_d1 * ${PLACE_PREFIXES.length})::int] || ' ' || suf_lat[1 + floor(r_d2 * ${PLACE_SUFFIXES.length})::int],
  place_lat,
  'Phum ' || (1 + floor(r_village * 12))::int,
  array_remove(array[
    case when issue_v = 'land' or r_l < 0.20 then 'land' end,
    case when issue_v = 'labour' or r_b < 0.15 then 'labour' end,
    case when issue_v = 'fisheries' or r_f < 0.10 then 'fisheries' end,
    case when issue_v = 'other' or r_o < 0.10 then 'other' end
  ], null),
  case when r_purpose < 0.95 then 'human_rights' else 'development' end,
  (8 + floor(r_members * 390))::int,
  jsonb_build_array(jsonb_build_object(
    'name', given[1 + floor(r_c1 * 10)::int] || ' ' || family[1 + floor(r_c2 * 10)::int],
    'phone', '+855 ' || (10 + floor(r_c3 * 89))::int || ' ' || lpad(floor(r_c1 * 1000000)::int::text, 6, '0'),
    'role', roles[1 + floor(r_c2 * 5)::int]
  )) || case when r_c3 < 0.4 then jsonb_build_array(jsonb_build_object(
    'name', given[1 + floor(r_c2 * 10)::int] || ' ' || family[1 + floor(r_c3 * 10)::int],
    'phone', '+855 ' || (10 + floor(r_c1 * 89))::int || ' ' || lpad(floor(r_c3 * 1000000)::int::text, 6, '0')
  )) else '[]'::jsonb end,
  r_pub < 0.6,
  'A group of ' || (8 + floor(r_members * 390))::int || ' members in ' || place_lat
    || ' working on ' || issue_v || ' rights: monthly meetings, records kept, '
    || 'and a plan for the coming year agreed by the members.',
  channels[1 + floor(r_via * 4)::int],
  (coalesce(since_v, now()) - make_interval(days => (10 + floor(r_found * 300))::int))::date,
  case when r_via < 0.75 then gen_random_uuid() end,
  stage_v,
  case when since_v is not null then 'selected' when stage_v = 'declined' then 'declined' end,
  coalesce(since_v, case when stage_v = 'declined' then now() - make_interval(days => (floor(r_since * 900))::int) end),
  since_v,
  coalesce(since_v, now()) - make_interval(days => (10 + floor(r_found * 300))::int),
  now() - make_interval(days => floor(r_found * 30)::int)
from q
order by i`;
}

export interface SeedResult {
  rows: number;
  directoryRows: number;
  insertMs: number;
  vacuumMs: number;
}

/**
 * Inserts `count` groups (the same ones every run: the seed is fixed), then VACUUM (ANALYZE):
 * autovacuum would do the same on a live table, and until it does the trigram index's
 * pending list and the missing statistics would make every plan look worse than it is.
 */
export async function seedCbos(sql: Sql, count: number): Promise<SeedResult> {
  const started = process.hrtime.bigint();
  await sql.begin(async (tx) => {
    await tx.unsafe('select setseed(0.20240501)');
    await tx.unsafe(seedStatement(count));
  });
  const inserted = process.hrtime.bigint();
  await sql.unsafe('vacuum (analyze) network.cbos');
  const vacuumed = process.hrtime.bigint();
  const [{ rows, directory_rows }] = await sql.unsafe<Array<{ rows: number; directory_rows: number }>>(
    `select count(*)::int as rows,
       (count(*) filter (where stage in ('participant', 'training', 'grant_eligible')
         and participant_since is not null))::int as directory_rows
     from network.cbos`,
  );
  return {
    rows,
    directoryRows: directory_rows,
    insertMs: Number(inserted - started) / 1e6,
    vacuumMs: Number(vacuumed - inserted) / 1e6,
  };
}
