import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';

/** A page the account's roles do not open: said plainly, with the way home. */
export function NotAllowed({ title }: { title: string }) {
  const t = useTranslations('notAllowed');
  return (
    <>
      <h1>{title}</h1>
      <p className="notice error" role="alert" data-not-allowed>
        {t('message')}
      </p>
      <Link href="/">{t('home')}</Link>
    </>
  );
}
