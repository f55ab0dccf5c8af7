import { RULE_REASONS } from '@bandanh/contracts';
import { loadMessages } from '@/i18n/catalog';
import { reasonOf, stepStates } from './progress';

const states = (...args: Parameters<typeof stepStates>) => stepStates(...args).map((s) => s.state);

describe("an applicant's view of their group's progress", () => {
  it('marks the steps before the current one done and the later ones upcoming', () => {
    expect(states('selection', [])).toEqual(['done', 'done', 'current', 'upcoming', 'upcoming']);
    expect(states(null, [])).toEqual(['current', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(states('grant_eligible', [])).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it('shows where a declined group stopped, from its history', () => {
    const history = [
      { stage: 'identified' },
      { stage: 'assessment' },
      { stage: 'selection' },
      { stage: 'declined' },
    ] as const;
    expect(states('declined', history)).toEqual(['done', 'done', 'stopped', 'upcoming', 'upcoming']);
    // Declined by the pilot rule as soon as it was identified.
    expect(states('declined', [{ stage: 'identified' }, { stage: 'declined' }])).toEqual([
      'stopped',
      'upcoming',
      'upcoming',
      'upcoming',
      'upcoming',
    ]);
  });

  it("translates a programme rule's reason and keeps a person's words as written", () => {
    expect(reasonOf(RULE_REASONS.pilotDevelopment)).toEqual({ rule: 'pilotDevelopment' });
    expect(reasonOf('The group has not met for a year.')).toEqual({
      text: 'The group has not met for a year.',
    });
    expect(reasonOf(null)).toBeNull();
  });

  it('has a sentence for every programme rule in Khmer and English', () => {
    for (const locale of ['km', 'en']) {
      const rules = (loadMessages(locale) as any).myCbo.rules;
      expect(Object.keys(RULE_REASONS).filter((key) => !rules?.[key])).toEqual([]);
    }
  });
});
