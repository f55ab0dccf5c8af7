import { getTranslations } from 'next-intl/server';
import { FOCUS_ISSUES, PROVINCES } from '@bandanh/contracts';
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
      <div className="field">
        <label htmlFor="province">{t('directory.province')}</label>
        <select id="province" name="province" defaultValue={filters.province}>
          <option value="">{t('directory.allProvinces')}</option>
          {PROVINCES.map((province) => (
            <option key={province.code} value={province.code}>
              {provinceName(province, locale)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="issue">{t('directory.issue')}</label>
        <select id="issue" name="issue" defaultValue={filters.issue}>
          <option value="">{t('directory.allIssues')}</option>
          {FOCUS_ISSUES.map((issue) => (
            <option key={issue} value={issue}>
              {t(`focusIssues.${issue}`)}
            </option>
          ))}
        </select>
      </div>
      <button className="primary" type="submit">
        {t('directory.search')}
      </button>
    </form>
  );
}
