'use client';

import { useTranslations } from 'next-intl';
import { STAFF_ROLES, type StaffRole } from '@bandanh/contracts';
import { saveRoles, type RolesState } from '@/app/[locale]/(staff)/admin/users/actions';
import { FormError } from './form-parts';
import { useFormAction } from './use-form-action';

/** One staff member's roles as checkboxes, saved together. */
export function RolesForm({
  locale,
  id,
  name,
  roles,
}: {
  locale: string;
  id: string;
  name: string;
  roles: StaffRole[];
}) {
  const t = useTranslations();
  const initial: RolesState = { id, roles };
  const { state, formAction, pending, onSubmit } = useFormAction(
    saveRoles,
    initial,
    `/${locale}/admin/users`,
  );
  return (
    <form action={formAction} onSubmit={onSubmit} className="inline-form" data-roles-form={id}>
      <FormError error={state.formError} />
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={id} />
      <fieldset className="checks">
        <legend>{t('users.rolesOf', { name })}</legend>
        {STAFF_ROLES.map((role) => (
          <label key={role} htmlFor={`roles-${id}-${role}`}>
            <input
              type="checkbox"
              id={`roles-${id}-${role}`}
              name="roles"
              value={role}
              defaultChecked={state.roles.includes(role)}
            />{' '}
            {t(`roles.${role}`)}
          </label>
        ))}
      </fieldset>
      {state.saved && (
        <p className="notice ok" role="status">
          {t('users.saved')}
        </p>
      )}
      <button type="submit" className="secondary" disabled={pending}>
        {t('users.saveRoles')}
      </button>
    </form>
  );
}
