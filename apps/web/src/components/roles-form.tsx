'use client';

import { useTranslations } from 'next-intl';
import { STAFF_ROLES, type StaffRole } from '@bandanh/contracts/constants';
import { saveRoles, type RolesState } from '@/app/[locale]/(staff)/admin/users/actions';
import { AccountForm } from './account-form';
import { Choices, SubmitButton, useChoices } from './form-parts';
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
  const t = useTranslations('users');
  const choices = useChoices(STAFF_ROLES, 'roles');
  const initial: RolesState = { id, roles };
  const form = useFormAction(saveRoles, initial, `/${locale}/admin/users`);
  const { state } = form;
  return (
    <AccountForm
      form={form}
      locale={locale}
      hiddenFields={{ id }}
      noValidate={false}
      className="inline-form"
      data-roles-form={id}
    >
      <Choices
        name="roles"
        id={`roles-${id}`}
        legend={t('rolesOf', { name })}
        choices={choices}
        checked={(role) => (state.roles as readonly string[]).includes(role)}
        idPrefix={`roles-${id}`}
      />
      {state.saved && (
        <p className="notice ok" role="status">
          {t('saved')}
        </p>
      )}
      {state.saved && state.warnings && state.warnings.length > 0 && (
        <p className="notice" data-role-warning>
          {t('fourEyesHint')}
        </p>
      )}
      <SubmitButton pending={form.pending} label={t('saveRoles')} className="secondary" />
    </AccountForm>
  );
}
