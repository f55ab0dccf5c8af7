import type { Draft } from './draft';

/** A budget line's id in the tests' drafts. */
export const LINE_A = '11111111-1111-4111-8111-111111111111';

/** A draft with a title, a province, ten women and one budget line of four buoys. */
export const aDraft = (): Draft => ({
  plan: {
    title: 'Fish sanctuary',
    objectives: '',
    description: '',
    provinceCode: 'KH-2',
    place: '',
    startsOn: null,
    endsOn: null,
    beneficiariesWomen: 10,
    beneficiariesMen: null,
    expectedResults: '',
  },
  budget: [
    {
      id: LINE_A,
      category: 'materials',
      description: 'Buoys',
      unitCost: 1250,
      quantity: 4,
      contribution: 500,
    },
  ],
});
