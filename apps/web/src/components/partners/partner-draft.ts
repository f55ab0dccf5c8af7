import type { FieldIssue, Partner } from '@bandanh/contracts';
import { errorsFrom, text, textKey } from '@/components/programme-settings/form-state';

export interface PartnerValues {
  name: string;
  expertise: string[];
  description: string;
  contactName: string;
  phone: string;
  email: string;
  active: boolean;
}

export const blankPartner = (): PartnerValues => ({
  name: '',
  expertise: [],
  description: '',
  contactName: '',
  phone: '',
  email: '',
  active: true,
});

export const partnerValues = (partner: Partner): PartnerValues => ({
  name: partner.name,
  expertise: partner.expertise,
  description: partner.description ?? '',
  contactName: partner.contactName ?? '',
  phone: partner.phone ?? '',
  email: partner.email ?? '',
  active: partner.active,
});

/** What the form sent; a new partner is active (only the edit form has the box to untick). */
export function partnerFromForm(formData: FormData, editing: boolean): PartnerValues {
  return {
    name: text(formData, 'name'),
    expertise: formData.getAll('expertise').filter((value): value is string => typeof value === 'string'),
    description: text(formData, 'description'),
    contactName: text(formData, 'contactName'),
    phone: text(formData, 'phone'),
    email: text(formData, 'email'),
    active: editing ? formData.get('active') === 'on' : true,
  };
}

const FIELDS = ['name', 'expertise', 'description', 'contactName', 'phone', 'email'];

export function partnerErrors(issues: ReadonlyArray<Pick<FieldIssue, 'path' | 'code'>>) {
  return errorsFrom(issues, ([field], code) => {
    if (!FIELDS.includes(field)) return undefined;
    return [field, field === 'expertise' || field === 'email' ? field : textKey(field, code)];
  });
}
