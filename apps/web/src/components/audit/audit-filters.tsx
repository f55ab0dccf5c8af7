import { getTranslations } from 'next-intl/server';
import type { Account } from '@bandanh/contracts';
import { AUDIT_ACTIONS, AUDIT_SERVICES, AUDIT_TARGETS, actionKey } from './audit-labels';
import styles from './audit.module.css';

/** The filters as the page's query string holds them (each may be left empty). */
export interface AuditFilterValues {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}

/**
 * The audit log's filters: who, what, which record, which days. A GET form, so it works
 * without JavaScript and a filtered page can be bookmarked or shared with another admin.
 */
export async function AuditFilters({
  action,
  values,
  accounts,
  invalid,
}: {
  action: string;
  values: AuditFilterValues;
  accounts: Account[];
  /** The fields the last filter got wrong, for `aria-invalid`. */
  invalid: ReadonlySet<string>;
}) {
  const t = await getTranslations('auditLog');
  const people = [...accounts].sort((a, b) => a.displayName.localeCompare(b.displayName));
  const aria = (name: string) => (invalid.has(name) ? { 'aria-invalid': true as const } : {});
  return (
    <form method="get" action={action} className={styles.filters} data-audit-filters>
      <div className="field">
        <label htmlFor="audit-actor">{t('filters.actor')}</label>
        <select id="audit-actor" name="actorId" defaultValue={values.actorId ?? ''}>
          <option value="">{t('filters.anyone')}</option>
          {people.map((account) => (
            <option key={account.id} value={account.id}>
              {account.displayName}
            </option>
          ))}
          {AUDIT_SERVICES.map((service) => (
            <option key={service} value={`system:${service}`}>
              {t(`services.${service}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-action">{t('filters.action')}</label>
        <select id="audit-action" name="action" defaultValue={values.action ?? ''}>
          <option value="">{t('filters.anything')}</option>
          {AUDIT_ACTIONS.map((name) => (
            <option key={name} value={name}>
              {t(actionKey(name))}
            </option>
          ))}
          {values.action && !(AUDIT_ACTIONS as readonly string[]).includes(values.action) && (
            <option value={values.action}>{t('unknownAction', { action: values.action })}</option>
          )}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-target-type">{t('filters.targetType')}</label>
        <select id="audit-target-type" name="targetType" defaultValue={values.targetType ?? ''}>
          <option value="">{t('filters.anyRecord')}</option>
          {AUDIT_TARGETS.map((type) => (
            <option key={type} value={type}>
              {t(`targets.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-target-id">{t('filters.targetId')}</label>
        <input
          id="audit-target-id"
          name="targetId"
          defaultValue={values.targetId ?? ''}
          maxLength={100}
          spellCheck={false}
          aria-describedby="audit-target-hint"
        />
        <span className="hint" id="audit-target-hint">
          {t('filters.targetHint')}
        </span>
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t('filters.from')}</label>
        <input id="audit-from" name="from" type="date" defaultValue={values.from ?? ''} {...aria('from')} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('filters.to')}</label>
        <input id="audit-to" name="to" type="date" defaultValue={values.to ?? ''} {...aria('to')} />
      </div>
      <button type="submit" className="secondary">
        {t('filters.show')}
      </button>
      <a href={action}>{t('filters.clear')}</a>
    </form>
  );
}
