import { loadTrainingConfig } from './env';

describe("the training service's configuration", () => {
  it('uses the local database and NATS by default', () => {
    expect(loadTrainingConfig({})).toMatchObject({
      DATABASE_URL: expect.stringMatching(/^postgres:\/\//),
      NATS_PREFIX: 'bandanh',
    });
  });

  it('stops at boot on a database URL that is not one', () => {
    expect(() => loadTrainingConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
  });
});

describe('the travel time between provinces', () => {
  it('is two hours unless set, and a number of minutes', () => {
    expect(loadTrainingConfig({}).TRAINING_TRAVEL_MINUTES).toBe(120);
    expect(loadTrainingConfig({ TRAINING_TRAVEL_MINUTES: '90' }).TRAINING_TRAVEL_MINUTES).toBe(90);
    expect(() => loadTrainingConfig({ TRAINING_TRAVEL_MINUTES: 'soon' })).toThrow(/TRAINING_TRAVEL_MINUTES/);
  });
});
