import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';

/** An invitation link that is not valid, was used or has expired: said plainly, instead of the form. */
export default function InvitationNotFound() {
  const t = useTranslations('invitation');
  return (
    <>
      <h1>{t('invalidTitle')}</h1>
      <p className="notice error" role="alert" data-invitation-invalid>
        {t('invalid')}
      </p>
      <p>
        <Link href="/sign-in">{t('signInLink')}</Link>
      </p>
    </>
  );
}
