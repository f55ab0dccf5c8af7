import {
  lookupRecordNames,
  lookupStaffNames,
  listAudit,
  type AuditEntry,
  type AuditPageView,
  type AuditQuery,
  type Caller,
} from '@bandanh/contracts';
import type { NatsRpc } from '@bandanh/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** At most `size` at a time: the name look-ups take a bounded list. */
function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The ids an entry names: people (its actor, an account it acted on), CBOs and partners. */
function idsOf(entry: AuditEntry) {
  const people: string[] = [];
  const cbos: string[] = [];
  const partners: string[] = [];
  if (isUuid(entry.actorId)) people.push(entry.actorId);
  if (entry.targetType === 'user' && isUuid(entry.targetId)) people.push(entry.targetId);
  if (entry.targetType === 'cbo' && isUuid(entry.targetId)) cbos.push(entry.targetId);
  if (entry.targetType === 'partner' && isUuid(entry.targetId)) partners.push(entry.targetId);
  if (isUuid(entry.details.cboId)) cbos.push(entry.details.cboId);
  if (isUuid(entry.details.partnerId)) partners.push(entry.details.partnerId);
  return { people, cbos, partners };
}

/**
 * A page of the audit log from identity, with the names of the people (identity) and of the
 * CBOs and partners (network) it names. A name that cannot be found is left out: the page then
 * shows the id, as it shows a record deleted since.
 */
export async function auditPage(rpc: NatsRpc, query: AuditQuery, caller: Caller): Promise<AuditPageView> {
  const page = await rpc.send(listAudit, query, caller);
  const people = new Set<string>();
  const cbos = new Set<string>();
  const partners = new Set<string>();
  for (const entry of page.items) {
    const ids = idsOf(entry);
    ids.people.forEach((id) => people.add(id));
    ids.cbos.forEach((id) => cbos.add(id));
    ids.partners.forEach((id) => partners.add(id));
  }
  const [staff, records] = await Promise.all([
    Promise.all(chunks([...people], 100).map((ids) => rpc.send(lookupStaffNames, { ids }, caller))),
    Promise.all([
      ...chunks([...cbos], 200).map((ids) =>
        rpc.send(lookupRecordNames, { cbos: ids, partners: [] }, caller),
      ),
      ...chunks([...partners], 200).map((ids) =>
        rpc.send(lookupRecordNames, { cbos: [], partners: ids }, caller),
      ),
    ]),
  ]);
  return {
    items: page.items,
    older: page.older ?? null,
    newer: page.newer ?? null,
    people: Object.fromEntries(
      staff.flatMap(({ items }) => items.map((item) => [item.id, item.displayName])),
    ),
    records: Object.fromEntries(
      records.flatMap(({ items }) =>
        items.map((record) => [record.id, { name: record.name, nameKm: record.nameKm }]),
      ),
    ),
  };
}
