import { getTranslations } from 'next-intl/server';
import { FOCUS_ISSUES, PROVINCES } from '@bandanh/contracts';
import { FilterSelect } from '@/components/filter-select';
import { provinceName } from '@/lib/provinces';
import type { DirectoryFilters } from './filters';
import styles from './directory.module.css';

/**
 * The directory's search: a plain GET form, so it works without JavaScript and every result
 * page has its own URL to share or keep.
 */
export async function DirectorySearch({ filters, locale }: { filters: DirectoryFilters; locale: string }) {
  const t = await getTranslations();
  return (
    <form method="get" action={`/${locale}/directory`} role="search" className={`card ${styles.search}`}>
      <div className="field">
        <label htmlFor="q">{t('directory.q')}</label>
        <input id="q" name="q" type="search" defaultValue={filters.q} maxLength={100} />
      </div>
      <FilterSelect
        id="province"
        name="province"
        label={t('directory.province')}
        any={t('directory.allProvinces')}
        value={filters.province}
        choices={PROVINCES.map((province) => ({
          value: province.code,
          label: provinceName(province, locale),
        }))}
      />
      <FilterSelect
        id="issue"
        name="issue"
        label={t('directory.issue')}
        any={t('directory.allIssues')}
        value={filters.issue}
        choices={FOCUS_ISSUES.map((issue) => ({ value: issue, label: t(`focusIssues.${issue}`) }))}
      />
      <button className="primary" type="submit">
        {t('directory.search')}
      </button>
    </form>
  );
}
