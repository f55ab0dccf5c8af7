'use client';

import { useTranslations } from 'next-intl';
import { STAFF_ROLES } from '@bandanh/contracts/constants';
import { invite, type InviteState } from '@/app/[locale]/(staff)/admin/users/actions';
import { EmailField } from './account-fields';
import { AccountForm } from './account-form';
import { Choices, useChoices } from './form-parts';
import { useFormAction } from './use-form-action';
import { useLocalFormat } from '@/i18n/use-local-format';

/** Invites a staff member; the link is shown once, for the admin to pass on. */
export function InviteForm({ locale }: { locale: string }) {
  const t = useTranslations('users');
  const format = useLocalFormat();
  const roles = useChoices(STAFF_ROLES, 'roles');
  const initial: InviteState = { values: { email: '', roles: [] }, fieldErrors: {} };
  const form = useFormAction(invite, initial, `/${locale}/admin/users`);
  const { state } = form;
  return (
    <>
      {state.invited && (
        <div className="notice ok" role="status" data-invitation>
          <p>{t('invited', { email: state.invited.email })}</p>
          <p>
            <code className="link-once" data-invitation-link>
              {state.invited.link}
            </code>
          </p>
          <p>
            {t('invitedOnce', {
              date: format.dateTime(new Date(state.invited.expiresAt), {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
            })}
          </p>
          {state.invited.warnings.length > 0 && (
            <p className="notice" data-role-warning>
              {t('fourEyesHint')}
            </p>
          )}
        </div>
      )}
      {/* A new key after each invitation empties the form for the next one. */}
      <AccountForm
        key={state.invited?.link ?? 'invite'}
        form={form}
        locale={locale}
        submit={t('inviteSubmit')}
        className="card"
      >
        <EmailField label={t('inviteEmail')} autoComplete="off" defaultValue={state.values.email} />
        <Choices
          name="roles"
          legend={t('inviteRoles')}
          choices={roles}
          checked={(role) => (state.values.roles as readonly string[]).includes(role)}
          idPrefix="invite"
        />
        <p className="hint" data-four-eyes-hint>
          {t('fourEyesHint')}
        </p>
      </AccountForm>
    </>
  );
}
