'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { STAFF_ROLES } from '@bandanh/contracts';
import { invite, type InviteState } from '@/app/[locale]/(staff)/admin/users/actions';
import { FormError, SubmitButton, TextField } from './form-parts';
import { useFormAction } from './use-form-action';

/** Invites a staff member; the link is shown once, for the admin to pass on. */
export function InviteForm({ locale }: { locale: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const initial: InviteState = { values: { email: '', roles: [] }, fieldErrors: {} };
  const { state, formAction, pending, onSubmit } = useFormAction(invite, initial, `/${locale}/admin/users`);
  const rolesError = state.fieldErrors.roles;
  return (
    <>
      {state.invited && (
        <div className="notice ok" role="status" data-invitation>
          <p>{t('users.invited', { email: state.invited.email })}</p>
          <p>
            <code className="link-once" data-invitation-link>
              {state.invited.link}
            </code>
          </p>
          <p>
            {t('users.invitedOnce', {
              date: format.dateTime(new Date(state.invited.expiresAt), {
                dateStyle: 'medium',
                timeStyle: 'short',
              }),
            })}
          </p>
        </div>
      )}
      {/* A new key after each invitation empties the form for the next one. */}
      <form
        key={state.invited?.link ?? 'invite'}
        action={formAction}
        onSubmit={onSubmit}
        noValidate
        className="card"
      >
        <FormError error={state.formError} />
        <input type="hidden" name="locale" value={locale} />
        <TextField
          name="email"
          label={t('users.inviteEmail')}
          errors={state.fieldErrors}
          type="email"
          autoComplete="off"
          defaultValue={state.values.email}
          maxLength={254}
          required
        />
        <fieldset className="checks" aria-describedby={rolesError ? 'roles-error' : undefined}>
          <legend>{t('users.inviteRoles')}</legend>
          {STAFF_ROLES.map((role) => (
            <label key={role} htmlFor={`invite-${role}`}>
              <input
                type="checkbox"
                id={`invite-${role}`}
                name="roles"
                value={role}
                defaultChecked={state.values.roles.includes(role)}
              />{' '}
              {t(`roles.${role}`)}
            </label>
          ))}
          {rolesError && (
            <span className="error" id="roles-error">
              {t(`account.errors.${rolesError}`)}
            </span>
          )}
        </fieldset>
        <SubmitButton pending={pending} label={t('users.inviteSubmit')} />
      </form>
    </>
  );
}
