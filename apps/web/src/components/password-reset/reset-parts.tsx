'use client';

import { useTranslations } from 'next-intl';
import type { ResetErrorKey } from './reset-state';
import { numberingSystemOf } from '@/components/notifications/numerals';
import { FormMessage } from '../form-parts';
import { useLocalFormat } from '@/i18n/use-local-format';

/** The refusal at the top of a reset form, from `passwordReset.errors`, with its minutes in the page's digits. */
export function ResetRefusal({
  locale,
  formError,
  minutes,
}: {
  locale: string;
  formError?: ResetErrorKey;
  minutes?: number;
}) {
  const t = useTranslations('passwordReset.errors');
  const format = useLocalFormat();
  const wait = minutes ?? 15;
  return (
    <FormMessage
      message={
        formError &&
        t(formError, {
          minutes: wait,
          shown: format.number(wait, { numberingSystem: numberingSystemOf(locale) }),
        })
      }
    />
  );
}

/** A link that can no longer be used, and the way to a new one. */
export function LinkInvalid({ locale }: { locale: string }) {
  const t = useTranslations('passwordReset.new');
  return (
    <section className="card" data-reset-link-invalid>
      <p className="notice error" role="alert">
        {t('linkInvalid')}
      </p>
      <p>
        <a href={`/${locale}/password-reset`}>{t('askAgain')}</a>
      </p>
    </section>
  );
}
