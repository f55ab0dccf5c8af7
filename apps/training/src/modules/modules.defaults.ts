import type { NewTrainingModule } from '@bandanh/contracts';

/** The catalogue a new installation starts with: the four modules required for grants. */
export const DEFAULT_MODULES: readonly NewTrainingModule[] = [
  {
    id: 'human_rights',
    titleKm: 'សិទ្ធិមនុស្ស',
    titleEn: 'Human rights',
    descriptionKm: 'សិទ្ធិមូលដ្ឋាន ច្បាប់កម្ពុជា និងច្បាប់អន្តរជាតិ និងរបៀបដែលសហគមន៍អាចការពារសិទ្ធិរបស់ខ្លួន។',
    descriptionEn:
      'Basic rights, Cambodian and international law, and how a community can defend its rights.',
    durationMinutes: 480,
    requiredForGrants: true,
    active: true,
  },
  {
    id: 'monitoring_documentation',
    titleKm: 'ការតាមដាន និងការចងក្រងឯកសារ',
    titleEn: 'Monitoring and documentation',
    descriptionKm: 'របៀបកត់ត្រាករណីរំលោភសិទ្ធិ ប្រមូលភស្តុតាង និងរក្សាទុកឯកសារឱ្យមានសុវត្ថិភាព។',
    descriptionEn: 'How to record rights violations, gather evidence and keep records safe.',
    durationMinutes: 480,
    requiredForGrants: true,
    active: true,
  },
  {
    id: 'advocacy',
    titleKm: 'ការតស៊ូមតិ',
    titleEn: 'Advocacy',
    descriptionKm: 'របៀបរៀបចំផែនការតស៊ូមតិ ការនិយាយជាមួយអាជ្ញាធរ និងការធ្វើការជាមួយប្រព័ន្ធផ្សព្វផ្សាយ។',
    descriptionEn: 'Planning advocacy, speaking with the authorities and working with the media.',
    durationMinutes: 480,
    requiredForGrants: true,
    active: true,
  },
  {
    id: 'organisational_development',
    titleKm: 'ការអភិវឌ្ឍអង្គការ',
    titleEn: 'Organisational development',
    descriptionKm: 'ភាពជាអ្នកដឹកនាំ ការគ្រប់គ្រងហិរញ្ញវត្ថុ ការរៀបចំកិច្ចប្រជុំ និងការធ្វើផែនការរបស់សហគមន៍។',
    descriptionEn: 'Leadership, managing money, running meetings and planning for the group.',
    durationMinutes: 480,
    requiredForGrants: true,
    active: true,
  },
];
